using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Partnership.Bench.Board;
using Partnership.Bench.Measure;
using Partnership.Bench.Platform;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// Health assessments posted through the gateway with a real token → health service → outbox → RabbitMQ → board
/// fact, against <see cref="MonolithBaseline"/> at the same concurrency; freshness is the time from the 201 reaching
/// the caller to the fact's ReceivedAt (both stamped by this machine's clock).
/// </summary>
public sealed class PipelineBench(BenchPlatform platform, Report report, BenchOptions options)
{
    private const string PostPath = "/api/health/assessments";
    /// <summary>Overview reads while a probe waits beside a load: each is a call through the gateway and the board.</summary>
    private static readonly TimeSpan IndicatorPollUnderLoad = TimeSpan.FromMilliseconds(50);
    /// <summary>Probe pauses span more than the refresher's cycle (0.5–1 s), so the probes meet it at every phase.</summary>
    private static readonly TimeSpan ShortestProbePause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestProbePause = TimeSpan.FromMilliseconds(1300);
    private HttpClient health = null!;
    private string boardConnection = "";
    private string sharingConnection = "";

    private sealed record Posted(Guid Id, DateTimeOffset ReturnedAt, double LatencyMs);

    private sealed record Pair(double Platform, double BoardFacts, double Monolith, double HealthAndBoard, RunResult Run, Window Window)
    {
        public double Ratio => Platform / Monolith;
    }

    private sealed record RunResult(
        int Offered, int Accepted, int Failed, double AcceptSeconds, double EndToEndSeconds, int FactsSeen,
        Percentiles Freshness, Percentiles PostLatency, CpuReport Cpu, string Broker, double AllWritesSeconds, int DecisionsSeen);

    public async Task RunAsync()
    {
        health = await platform.ClientAsync("health-system", "health.write");
        boardConnection = await platform.ConnectionStringAsync("boarddb");
        sharingConnection = await platform.ConnectionStringAsync("sharingdb");
        // Two baselines: the same writes as the platform's (the health row, sharing's decisions with their audit
        // entries and the board's inbox row, the board fact), headline; and the health row and board fact alone.
        await using var sharing = await MonolithSharing.CreateAsync(await platform.ScratchDatabaseAsync("bench_monolith_sharing"));
        var baselineBoard = await platform.ScratchDatabaseAsync("bench_monolith_board");
        var baseline = await MonolithBaseline.CreateAsync(await platform.ScratchDatabaseAsync("bench_monolith_health"), baselineBoard, sharing);
        await using var mixedBaseline = await MixedBaseline.CreateAsync(baseline, sharing,
            await platform.ScratchDatabaseAsync("bench_monolith_missing"), await platform.ScratchDatabaseAsync("bench_monolith_virtualschool"), baselineBoard);
        var narrow = await MonolithBaseline.CreateAsync(
            await platform.ScratchDatabaseAsync("bench_monolith_health_only"), await platform.ScratchDatabaseAsync("bench_monolith_board_only"));

        // Warm-up: JIT (tier-up needs a few hundred calls of each path), connection pools, broker channels, consumer
        // prefetch, on both sides; not reported. A long-running service is measured in its steady state.
        await SaturateAsync("warm", options.PipelineWarmup, options.Concurrency);
        await baseline.RunAsync("warm", options.PipelineWarmup, options.Concurrency);
        await narrow.RunAsync("warmn", options.PipelineWarmup, options.Concurrency);

        report.Heading("1. Event pipeline: health assessment → board fact");
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        foreach (var events in options.PipelineSizes)
        {
            var pairs = new List<Pair>();
            for (var repeat = 0; repeat < options.PipelineRepeats; repeat++)
            {
                await DrainAsync(notes, $"saturation {events}" + (options.PipelineRepeats > 1 ? $" (pair {repeat + 1})" : ""));
                var tag = Tag();
                var healthAndBoard = await narrow.RunAsync(tag + "n", events, options.Concurrency);
                var monolithCpu = CpuProfile.Start(platform.Processes);
                var monolith = await baseline.RunAsync(tag + "m", events, options.Concurrency);
                var monolithReport = monolithCpu.Stop();
                notes.Add($"same-writes baseline at {events} events, pair {repeat + 1}: {baseline.DescribePhases()}; CPU {monolithReport.Describe()}");
                var started = DateTimeOffset.UtcNow;
                var pairRun = await SaturateAsync(tag, events, options.Concurrency);
                pairs.Add(new Pair(pairRun.FactsSeen / pairRun.AllWritesSeconds, pairRun.FactsSeen / pairRun.EndToEndSeconds, monolith, healthAndBoard, pairRun,
                    new Window(started, DateTimeOffset.UtcNow)));
            }
            var (median, spread) = MedianPair.Of(pairs, p => p.Ratio);
            var run = median.Run;
            rows.Add([
                $"saturation, {events} events, {options.Concurrency} callers",
                Report.Rate(median.Platform) + (run.FactsSeen < events ? $" ({run.FactsSeen}/{events} facts seen)" : "")
                    + (run.DecisionsSeen < 2 * run.Accepted ? $" ({run.DecisionsSeen}/{2 * run.Accepted} decisions seen)" : ""),
                Report.Rate(median.Monolith),
                Report.Ratio(median.Ratio, 0.5) + spread,
                $"{Report.Rate(median.BoardFacts)} / {Report.Rate(median.HealthAndBoard)} = {median.BoardFacts / median.HealthAndBoard:P0}",
                Report.Rate(run.Accepted / run.AcceptSeconds),
                Percentile(run.Freshness),
                Percentile(run.PostLatency),
                run.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
            if (pairs.Count > 1)
            {
                notes.Add($"pairs at {events} events (platform, every write / same-writes baseline, events per second): " +
                    string.Join("; ", pairs.Select(p => $"{p.Platform:F0} / {p.Monolith:F0} = {p.Ratio:P0} (board facts {p.BoardFacts:F0} / {p.HealthAndBoard:F0})")));
            }
            notes.Add($"CPU saturation {events} (median pair): {run.Cpu.Describe()}; {run.Broker}");
            notes.Add($"consumers' transactions, saturation {events} (median pair): {await ConsumerTransactionsAsync(median.Window)}");
        }

        // Statements per database over the fixed-load run only (the reset is server-wide), to show where PostgreSQL's
        // share of each event goes.
        string[] databases = ["healthdb", "boarddb", "sharingdb"];
        foreach (var database in databases)
        {
            // The extension's view is created per database; the reset itself is server-wide.
            await StatementStats.ResetAsync(await platform.ConnectionStringAsync(database));
        }
        // Event → indicator beside the fixed load: assessments of an earlier financial year, one at a time, each timed
        // from its 201 to the stored overview counting it; the load's own assessments fall in the current year.
        using var boardReader = await platform.ClientAsync("board-reporting", "board.read");
        var probes = new IndicatorFreshness(boardReader, health, IndicatorPollUnderLoad);
        await probes.EnsureVisibleAsync(Tag());
        await DrainAsync(notes, "fixed load");
        var ratedStarted = DateTimeOffset.UtcNow;
        var ratedRun = RatedAsync(Tag(), options.Rate, options.RatedSeconds);
        var toIndicator = new Percentiles(await probes.WhileAsync(
            Task.Delay(TimeSpan.FromSeconds(options.RatedSeconds)), ShortestProbePause, LongestProbePause, Tag()));
        var rated = await ratedRun;
        var ratedWindow = new Window(ratedStarted, DateTimeOffset.UtcNow);
        var statements = new List<(string Database, IReadOnlyList<IReadOnlyList<string>> Rows)>();
        var mixedStatements = new List<(string Database, IReadOnlyList<IReadOnlyList<string>> Rows)>();
        foreach (var database in databases)
        {
            statements.Add((database, await StatementStats.TopAsync(await platform.ConnectionStringAsync(database), 6)));
        }
        // And at saturation, after the fixed load's statements are read: a run of its own, because the probes' reads of
        // the overview would take CPU from the pairs' platform side.
        await DrainAsync(notes, "saturation with indicator probes");
        var saturatedRun = SaturateAsync(Tag(), options.PipelineSizes.Max(), options.Concurrency);
        var saturatedToIndicator = new Percentiles(await probes.WhileAsync(saturatedRun, ShortestProbePause, LongestProbePause, Tag()));
        var saturatedWithProbes = await saturatedRun;
        var ratedFacts = rated.FactsSeen;
        rows.Add([
            $"fixed offered load {options.Rate}/s for {options.RatedSeconds}s ({rated.Offered / rated.AcceptSeconds:F0}/s achieved)",
            Report.Rate(ratedFacts / rated.AllWritesSeconds) + (ratedFacts < rated.Offered ? $" ({ratedFacts}/{rated.Offered} facts seen)" : ""),
            "–",
            "–",
            "–",
            Report.Rate(rated.Accepted / rated.AcceptSeconds),
            Percentile(rated.Freshness) + $" → p99 {(rated.Freshness[99] < 1000 ? "meets" : "misses")} < 1 s",
            Percentile(rated.PostLatency),
            rated.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        notes.Add($"CPU fixed load: {rated.Cpu.Describe()}; {rated.Broker}");
        notes.Add($"consumers' transactions, fixed load (with the indicator probes): {await ConsumerTransactionsAsync(ratedWindow)}");

        // The missing and virtual school paths get their own warm-up (JIT, pools, the first publish of each event type
        // declaring its exchange), as the health path had before the saturation runs; not reported.
        var mixedLoad = new MixedLoad(platform, boardConnection, sharingConnection);
        await mixedLoad.RunAsync(Tag() + "w", options.Rate, Math.Max(2, options.RatedSeconds / 6), options.FactWait);
        await mixedBaseline.RunAsync(Tag() + "w", options.PipelineWarmup, options.Concurrency);
        await DrainAsync(notes, "fixed load, three kinds of event");
        string[] mixedDatabases = ["missingdb", "virtualschooldb"];
        foreach (var database in mixedDatabases)
        {
            await StatementStats.ResetAsync(await platform.ConnectionStringAsync(database));
        }
        var mixedStarted = DateTimeOffset.UtcNow;
        var mixed = await mixedLoad.RunAsync(Tag(), options.Rate, options.RatedSeconds, options.FactWait);
        var mixedTransactions = new Dictionary<string, string>
        {
            ["fixed load"] = await ConsumerTransactionsAsync(new Window(mixedStarted, DateTimeOffset.UtcNow)),
        };
        foreach (var database in mixedDatabases)
        {
            mixedStatements.Add((database, await StatementStats.TopAsync(await platform.ConnectionStringAsync(database), 8)));
        }
        // The same three kinds at saturation: the callers send back to back, so each kind's rate to its board facts is
        // what the platform sustains with the other two beside it.
        // As many baseline-then-platform pairs as the assessment sizes get, for the same reason: one pair moves by a third;
        // and at the same two sizes, so the three kinds' cost curve shows as the assessments' does.
        var mixedSizes = new List<(int Events, List<MixedPair> Pairs)>();
        foreach (var events in options.PipelineSizes)
        {
            var mixedPairs = new List<MixedPair>();
            for (var repeat = 0; repeat < options.PipelineRepeats; repeat++)
            {
                var mixedTag = Tag();
                // Quiet first, so the run before's stragglers do not take CPU from the baseline.
                await DrainAsync(notes, $"the in-process baseline, three kinds of event, {events} events (pair {repeat + 1})");
                var baselineCpu = CpuProfile.Start(platform.Processes);
                var baselineRate = await mixedBaseline.RunAsync(mixedTag + "m", events, options.Concurrency);
                var baselineReport = baselineCpu.Stop();
                await DrainAsync(notes, $"saturation, three kinds of event, {events} events (pair {repeat + 1})");
                var started = DateTimeOffset.UtcNow;
                var saturated = await mixedLoad.SaturateAsync(mixedTag, events, options.Concurrency, options.FactWait);
                mixedPairs.Add(new MixedPair(saturated, baselineRate, baselineReport, new Window(started, DateTimeOffset.UtcNow)));
            }
            mixedSizes.Add((events, mixedPairs));
            mixedTransactions[$"saturation at {events} events (median pair)"] = await ConsumerTransactionsAsync(Median(mixedPairs).Window);
        }

        report.Table(
            ["run", "platform end-to-end, every write (events/s)", "monolith baseline, same writes", "platform / baseline (target ≥50%)",
                "board facts alone: platform / health-and-board-only baseline", "HTTP accepted/s",
                "freshness p50/p95/p99 (201 → fact)", "POST latency p50/p95/p99", "non-201"],
            rows);
        report.Line($"Event → indicator at the fixed load of {options.Rate}/s: {toIndicator.Count} health assessments posted one at a time beside it, " +
            $"201 → the stored overview (GET {IndicatorFreshness.Overview}) counting it: p50 / p95 / p99 {Percentile(toIndicator)}, max {Report.Ms(toIndicator.Max)}" +
            (toIndicator.Count > 0 ? $" → p99 {(toIndicator[99] < 1000 ? "meets" : "misses")} < 1 s" : "") +
            (probes.Failures.Count > 0 ? $" ({probes.Failures.Count} failed: {probes.Failures[0]})" : ""));
        report.Line("");
        report.Line($"Event → indicator at saturation: {saturatedToIndicator.Count} probes the same way, from the first of {saturatedWithProbes.Offered} assessments sent back to back by {options.Concurrency} callers " +
            $"until the run's last fact and decision ({Report.Rate(saturatedWithProbes.FactsSeen / saturatedWithProbes.AllWritesSeconds)} every write, a run of its own): p50 / p95 / p99 {Percentile(saturatedToIndicator)}, max {Report.Ms(saturatedToIndicator.Max)}");
        report.Line("");
        report.Note($"Event → indicator: each probe is an assessment completed in {IndicatorFreshness.Year}/{(IndicatorFreshness.Year + 1) % 100:D2} (the load's are in the current year), so only the probes move {IndicatorFreshness.Indicator}'s denominator for that year; the overview is read every {IndicatorPollUnderLoad.TotalMilliseconds:F0} ms through the gateway (board-reporting) until it has grown, and the next probe follows after a pause drawn from {ShortestProbePause.TotalMilliseconds:F0}–{LongestProbePause.TotalMilliseconds:F0} ms (seeded), so probes meet the refresher at every phase of its cycle. The path is health service → outbox → RabbitMQ → board consumer → change trigger → refresher (a period being read is recomputed at most once every max(0.5 s, 2 × its last recomputation), ADR 0016) → stored result.");
        report.Note("Platform: POST through the gateway with a client-credentials token from /connect/token → health (validator, row + outbox in one transaction) → outbox dispatcher → RabbitMQ → board consumer (inbox + fact), and beside it the sharing consumer (inbox, a decision for leaving care and one for the board, each audited, and the board's inbox row). End-to-end rate = events ÷ (the later of the last fact's ReceivedAt and the last decision's RecordedAt − first POST): sharing's backlog counts; the board-facts-alone rate stops at the last fact.");
        report.Note("Baseline, same writes: the same validator, the health_assessments insert, sharing's decisions for the event (the service's own rules, agreement lines and audit chains: two audit entries and the board's inbox row, one transaction) and the health_assessment_facts insert, on the same PostgreSQL server, in this process, no HTTP/broker/outbox/inboxes. Health-and-board-only baseline: the same without sharing's decisions (the bench's headline until 2026-11-28).");
        foreach (var note in notes)
        {
            report.Note(note);
        }
        ReportMixed(mixed, mixedSizes, mixedTransactions);
        foreach (var (database, top) in mixedStatements)
        {
            report.Line("");
            report.Line($"Top statements in {database} during the fixed load of three kinds:");
            report.Line("");
            report.Table(StatementStats.Header, top);
        }
        foreach (var (database, top) in statements)
        {
            report.Line("");
            report.Line($"Top statements in {database} during the fixed-load run:");
            report.Line("");
            report.Table(StatementStats.Header, top);
        }
        report.Line("");
        await StatementStats.ResetAsync(boardConnection);
    }

    /// <summary>From a run's first call until every write it waits for was seen.</summary>
    private sealed record Window(DateTimeOffset From, DateTimeOffset To);

    /// <summary>Events per transaction in the two consuming services (ADR 0025), from their inbox rows.</summary>
    private async Task<string> ConsumerTransactionsAsync(Window window) =>
        await InboxTransactions.DescribeAsync("sharingdb", sharingConnection, window.From, window.To) + " | " +
        await InboxTransactions.DescribeAsync("boarddb", boardConnection, window.From, window.To);

    private sealed record MixedPair(MixedLoad.Result Platform, double Baseline, CpuReport BaselineCpu, Window Window)
    {
        public double Ratio => Platform.EveryWriteThroughput / Baseline;
    }

    private static MixedPair Median(List<MixedPair> pairs) => MedianPair.Of(pairs, p => p.Ratio).Median;

    private void ReportMixed(MixedLoad.Result mixed, List<(int Events, List<MixedPair> Pairs)> sizes, Dictionary<string, string> transactions)
    {
        // The per-kind table is the largest size's median pair: the one the issue's saturation figure is about.
        var saturated = Median(sizes[^1].Pairs).Platform;
        report.Line("");
        report.Line($"The three kinds of event, a third each: at a fixed offered load of {options.Rate}/s for {options.RatedSeconds} s " +
                    $"({mixed.Offered / mixed.SendSeconds:F0}/s achieved; {mixed.Accepted} accepted, {mixed.Failed} refused or failed, {mixed.Seen} facts seen), " +
                    $"and at saturation (the median pair's run), {saturated.Offered} events from {options.Concurrency} callers sending back to back " +
                    $"({saturated.Accepted} accepted, {saturated.Failed} refused or failed, {saturated.Seen} facts seen):");
        report.Line("");
        string Count(Percentiles p) => p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = Enum.GetValues<MixedLoad.Kind>().Select(kind => (IReadOnlyList<string>)[
            kind switch
            {
                MixedLoad.Kind.Assessment => "initial health assessment: POST /api/health/assessments (health-system) → health_assessment_facts",
                MixedLoad.Kind.Missing => "missing episode: POST /api/missing/episodes (police-system) → child_facts MissingStarted",
                _ => "attendance mark: PUT /api/virtual-school/attendance/{child}/{date}/AM (virtual-school-system) → child_facts AttendanceWeek",
            },
            Count(mixed.Freshness[kind]),
            Percentile(mixed.Freshness[kind]),
            Count(saturated.Freshness[kind]),
            Report.Rate(saturated.Throughput[kind]),
            Percentile(saturated.Freshness[kind]),
        ]).ToList();
        rows.Add(["all three", Count(mixed.All),
            Percentile(mixed.All) + (mixed.All.Count > 0 ? $" → p99 {(mixed.All[99] < 1000 ? "meets" : "misses")} < 1 s" : ""),
            Count(saturated.All), Report.Rate(saturated.AllThroughput), Percentile(saturated.All)]);
        report.Table(["event (through the gateway, the agency's own token) → board fact", "facts, fixed load", "freshness p50/p95/p99 (answer → fact), fixed load",
            "facts, saturation", "board facts/s at saturation", "freshness p50/p95/p99 at saturation"], rows);
        report.Note("Freshness is the board fact's ReceivedAt minus the moment the bench had the service's answer; a negative figure means the board stored the fact before the answer had come back through the gateway (the outbox dispatcher publishes as soon as the request's transaction commits).");
        report.Note("Board facts/s at saturation: a kind's facts ÷ (its last fact's ReceivedAt − the first call), with the other two kinds sent beside it; sharing's decisions are not waited for in this column.");
        report.Line("");
        report.Line("The three kinds at saturation against an in-process baseline making the same writes, at the same concurrency and size:");
        report.Line("");
        var comparison = new List<IReadOnlyList<string>>();
        foreach (var (events, pairs) in sizes)
        {
            var (median, spread) = MedianPair.Of(pairs, p => p.Ratio);
            var run = median.Platform;
            comparison.Add([$"saturation, three kinds, {events} events, {options.Concurrency} callers",
                Report.Rate(run.EveryWriteThroughput) + (run.Seen < run.Accepted ? $" ({run.Seen}/{run.Accepted} facts seen)" : ""),
                Report.Rate(median.Baseline), Report.Ratio(median.Ratio, 0.5) + spread, $"{run.DecisionsSeen}/{run.DecisionsExpected}"]);
        }
        report.Table(["run", "platform end-to-end, every write (events/s)", "baseline, same writes (events/s)", "platform / baseline (target ≥50%)",
                "sharing decisions seen"],
            comparison);
        foreach (var (events, pairs) in sizes.Where(s => s.Pairs.Count > 1))
        {
            report.Note($"pairs, three kinds at {events} events (platform every write / baseline, events per second): " +
                string.Join("; ", pairs.Select(p => $"{p.Platform.EveryWriteThroughput:F0} / {p.Baseline:F0} = {p.Ratio:P0} ({p.Platform.Failed} refused or failed)")));
        }
        report.Note("Platform, every write: board facts ÷ (the later of the last fact's ReceivedAt and sharing's last decision for the run's assessments and missing episodes − the first call). Baseline (bench/Partnership.Bench/Pipeline/MixedBaseline.cs), in this process with the services' own code: assessments as in the table above; missing episodes: the missing service's validator, open-episode check and insert, sharing's two decisions with their audit entries and the board's inbox row, and the board consumer's MissingStarted upsert; attendance marks: the feed's row parser, the correction's locks, upsert and week count in one transaction, and the board consumer's AttendanceWeek upsert. No HTTP, token, outbox, broker or inbox.");
        foreach (var (events, pairs) in sizes)
        {
            var median = Median(pairs);
            report.Note($"CPU in-process baseline, three kinds at {events} events (median pair): {median.BaselineCpu.Describe()}");
            report.Note($"CPU saturation, three kinds at {events} events (median pair): {median.Platform.Cpu.Describe()}");
        }
        report.Note($"CPU fixed load, three kinds: {mixed.Cpu.Describe()}");
        foreach (var (run, description) in transactions)
        {
            report.Note($"consumers' transactions, three kinds, {run}: {description}");
        }
        foreach (var (run, result) in new[] { ("fixed load", mixed), ("saturation", saturated) })
        {
            if (result.FirstFailure is { } failure)
            {
                report.Note($"first refused or failed call, {run}: {failure}");
            }
        }
    }

    /// <summary>
    /// Each run starts with the queues empty: otherwise sharing's backlog from the run before (it consumes every event
    /// too) takes CPU from the run being measured, and the order of the runs decides the figures.
    /// </summary>
    private async Task DrainAsync(List<string> notes, string before)
    {
        var waited = await platform.DrainBrokerAsync(options.DrainLimit);
        if (waited > TimeSpan.FromSeconds(1))
        {
            notes.Add($"before {before}: waited {waited.TotalSeconds:F0} s for the broker queues to drain");
        }
    }

    private static string Tag() => DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    private static string Percentile(Percentiles p) => p.Count == 0 ? "n/a" : $"{Report.Ms(p[50])} / {Report.Ms(p[95])} / {Report.Ms(p[99])}";

    /// <summary>Closed loop: <paramref name="concurrency"/> callers post back to back until <paramref name="events"/> are sent.</summary>
    private async Task<RunResult> SaturateAsync(string tag, int events, int concurrency)
    {
        await using var broker = new BrokerDepth(await platform.BrokerManagementAsync());
        var cpu = CpuProfile.Start(platform.Processes);
        var started = DateTimeOffset.UtcNow;
        var (posted, failed, acceptSeconds) = await ClosedLoop.RunAsync(concurrency, events, n => PostAsync(tag, n));
        return await CollectAsync(tag, events, new ConcurrentBag<Posted>(posted), failed, started, acceptSeconds, cpu, broker);
    }

    /// <summary>Open loop (<see cref="OpenLoop"/>): a slow pipeline shows up as freshness.</summary>
    private async Task<RunResult> RatedAsync(string tag, int rate, int seconds)
    {
        var total = rate * seconds;
        await using var broker = new BrokerDepth(await platform.BrokerManagementAsync());
        var cpu = CpuProfile.Start(platform.Processes);
        var started = DateTimeOffset.UtcNow;
        var (posted, failed, sendSeconds) = await OpenLoop.RunAsync(rate, total, n => PostAsync(tag, n));
        return await CollectAsync(tag, total, new ConcurrentBag<Posted>(posted), failed, started, sendSeconds, cpu, broker);
    }

    private async Task<Posted?> PostAsync(string tag, int i)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await health.PostAsJsonAsync(PostPath, AssessmentRequests.Create(tag, i));
        var returnedAt = DateTimeOffset.UtcNow;
        var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Posted(body.GetProperty("id").GetGuid(), returnedAt, latency);
    }

    /// <summary>
    /// Waits until every accepted assessment has its board fact and sharing has recorded its decisions for it (or the
    /// wait runs out), then reads ReceivedAt per fact and when the last decision was recorded.
    /// </summary>
    private async Task<RunResult> CollectAsync(
        string tag, int offered, ConcurrentBag<Posted> posted, int failed, DateTimeOffset started, double acceptSeconds, CpuProfile cpu, BrokerDepth broker)
    {
        var byId = posted.ToDictionary(p => p.Id);
        var ids = byId.Keys.ToArray();
        var deadline = Stopwatch.StartNew();
        var received = new Dictionary<Guid, DateTimeOffset>();
        await using var connection = new NpgsqlConnection(boardConnection);
        await connection.OpenAsync();
        while (true)
        {
            received.Clear();
            await using (var command = new NpgsqlCommand(
                """SELECT "AssessmentId", "ReceivedAt" FROM health_assessment_facts WHERE "AssessmentId" = ANY(@ids)""", connection))
            {
                command.Parameters.AddWithValue("ids", ids);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    received[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
            }
            if (received.Count >= ids.Length || deadline.Elapsed > options.FactWait)
            {
                break;
            }
            await Task.Delay(200);
        }
        // Two decisions an assessment: leaving care and the board.
        var keys = Enumerable.Range(0, offered).Select(i => AssessmentRequests.Create(tag, i).ChildKey!).ToArray();
        var (decisions, lastDecision) = await SharingDecisions.AwaitAsync(sharingConnection, keys, 2 * posted.Count, options.FactWait - deadline.Elapsed);
        var cpuReport = cpu.Stop();
        var last = received.Count == 0 ? started : received.Values.Max();
        var allWritten = lastDecision is { } d && d > last ? d : last;
        var freshness = new Percentiles(received.Select(kv => (kv.Value - byId[kv.Key].ReturnedAt).TotalMilliseconds));
        var latency = new Percentiles(posted.Select(p => p.LatencyMs));
        return new RunResult(offered, posted.Count, failed, acceptSeconds, Math.Max(0.001, (last - started).TotalSeconds), received.Count,
            freshness, latency, cpuReport, broker.Describe(), Math.Max(0.001, (allWritten - started).TotalSeconds), decisions);
    }
}
