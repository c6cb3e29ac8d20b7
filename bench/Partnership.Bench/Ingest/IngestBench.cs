using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.Bench.Measure;
using Partnership.Bench.Platform;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Ssda903.Sample;

namespace Partnership.Bench.Ingest;

/// <summary>Bulk ingest paths against raw COPY of the same rows, with peak memory per size.</summary>
public sealed class IngestBench(BenchPlatform platform, Report report, BenchOptions options)
{
    private static readonly string[] Ssda903Tables =
        ["ssda903_children", "ssda903_episodes", "ssda903_reviews", "ssda903_oc2", "ssda903_oc3", "ssda903_missing", "ssda903_uasc"];

    private static readonly IReadOnlyList<(string Table, string Where)> Ssda903Sources = [.. Ssda903Tables.Select(t => (t, ""))];

    private static readonly string[] FeedPath = ["virtual-school", "postgres", "gateway", "bench (this process)"];
    private static readonly string[] ImportPath = ["postgres", Ssda903Worker.ResourceName];

    private readonly List<IReadOnlyList<string>> rows = [];
    private readonly List<IReadOnlyList<string>> attendanceRows = [];
    private readonly List<string> notes = [];
    private readonly List<(string Title, IReadOnlyList<IReadOnlyList<string>> Rows)> statements = [];

    public async Task RunAsync()
    {
        report.Heading("2. Bulk ingest vs raw COPY");
        if (options.RunsIngest("attendance"))
        {
            await AttendanceAsync();
        }
        if (options.RunsIngest("ssda903"))
        {
            await Ssda903Async();
        }
        if (attendanceRows.Count > 0)
        {
            // The issue's baseline is COPY "into an equivalent table": attendance_marks' own primary key and index are
            // what the store must maintain, so that is the headline; bare COPY stays beside it.
            report.Table(
                ["attendance feed (virtual school)", "input", "service rows/s", "COPY into an equivalent table (same primary key and index) rows/s",
                 "service / equivalent COPY (target ≥50%)", "bare COPY (no indexes) rows/s", "service / bare COPY", "load average at the feed's end",
                 "peak memory", "wall"],
                attendanceRows);
        }
        if (rows.Count > 0)
        {
            report.Table(
                ["path", "size", "input", "service rows/s", "raw COPY rows/s", "service / COPY (target ≥50%)", "peak memory", "wall"],
                rows);
        }
        report.Note("Attendance: CSV streamed to POST /api/virtual-school/attendance/bulk through the gateway (virtual-school-system token); the service validates each line and COPYs it straight into attendance_marks as it arrives (a first load of those dates), or, when a session is stored already or repeats, replays the feed from a spooled copy into a staging table and merges it (plain insert for children with no marks yet in the feed's dates, upsert for the rest); then it writes each touched child-week's summary to the outbox, in the same transaction. Equivalent COPY: the stored rows COPYed into a table with attendance_marks' columns, primary key and index; bare COPY: the same without indexes. Peak memory is the virtual-school process's VmRSS sampled every 50 ms during the feed (its VmHWM since start is shown too).");
        report.Note($"SSDA903: files from the care register's own sample generator, imported by Ssda903Importer (the code path of the API and CLI) into a migrated database emptied before each import (one database for every import, as the service has one), in a bench worker process that imports one year after another as the care register's service would (not in the bench process, which hosts the AppHost: see Ssda903Worker), warmed up first, with its connections to the database opened before the timer as the COPY baseline's is; {MeasuredRuns} imports, each followed by the COPY baseline of the rows it stored, the ratio taken within each pair and the median pair's shown. Peak memory is that worker's working set / managed heap during the import, above what it held before; the same files are then imported by the care register's command line (`import 2025 <folder>`) in a process of its own, started for that one import, under the same {Ssda903ProcessRun.HeapLimitMiB} MiB GC heap limit at both sizes (without a limit the GC lets a busy heap grow with the length of the run, whatever the import keeps).");
        report.Note($"Raw COPY (SSDA903): the rows the service stored, exported in binary and timed going back into tables of the same columns without indexes (see bench/Partnership.Bench/Ingest/CopyBaseline.cs); for SSDA903 the headline is COPY into tables with the same indexes as the ssda903_* tables (collection year, and the episodes' child key), run right after each import (its pair), bare tables (one run, on the last pair's rows) in brackets.");
        foreach (var note in notes)
        {
            report.Note(note);
        }
        report.Line("");
        foreach (var (title, top) in statements)
        {
            report.Line($"Top statements, {title}:");
            report.Line("");
            report.Table(StatementStats.Header, top);
        }
    }

    private async Task AttendanceAsync()
    {
        using var client = await platform.ClientAsync("virtual-school-system", "virtual-school.write");
        var connection = await platform.ConnectionStringAsync("virtualschooldb");
        var pid = platform.ProcessOf("virtual-school");

        // A first request pays for JIT compilation of the whole feed path (about a second of CPU here); the COPY
        // baseline runs in a warm process, so the service gets one small feed first, unmeasured.
        var (warmPath, warmMarks, _) = AttendanceFeedFile.Write($"W{DateTime.UtcNow:HHmmssfff}", 2, options.AttendanceSessions);
        try
        {
            await PostFeedAsync(client, warmPath);
            notes.Add($"Attendance: the service was warmed up with one unmeasured feed of {warmMarks:N0} marks before the first size.");
        }
        finally
        {
            File.Delete(warmPath);
        }

        for (var i = 0; i < options.AttendanceChildren.Length; i++)
        {
            var children = options.AttendanceChildren[i];
            var size = $"×{(i == 0 ? 1 : 10)}";
            var tag = $"A{DateTime.UtcNow:HHmmssfff}";
            var (path, marks, bytes) = AttendanceFeedFile.Write(tag, children, options.AttendanceSessions);
            try
            {
                // Earlier feeds' weekly summaries would otherwise be published and consumed during this one.
                var drained = await QuietAsync(connection);
                if (drained > TimeSpan.FromSeconds(2))
                {
                    notes.Add($"before attendance {size}: waited {drained.TotalSeconds:F0} s for the outbox and the broker queues to drain");
                }
                await StatementStats.ResetAsync(connection);
                var cpu = CpuProfile.Start(platform.Processes);
                var stopwatch = Stopwatch.StartNew();
                long peak;
                await using (var memory = MemorySampler.OfProcess(pid))
                {
                    await PostFeedAsync(client, path);
                    peak = memory.PeakBytes;
                }
                var seconds = stopwatch.Elapsed.TotalSeconds;
                var cpuReport = cpu.Stop();
                var load = MachineLoad.LoadAverage();
                statements.Add(($"virtualschooldb during attendance {size}", await StatementStats.TopAsync(connection, 8)));
                // The feed's summaries are published and consumed after its commit; the baselines must not compete with that.
                var downstream = await QuietAsync(connection);
                notes.Add($"after attendance {size}: the outbox dispatcher, board and sharing took {downstream.TotalSeconds:F0} s to publish and consume its weekly summaries; the COPY baselines ran after that");
                var stored = ("attendance_marks", $"WHERE child_key LIKE 'BENCH-{tag}-%'");
                var copy = await CopyBaseline.MeasureAsync(connection, [stored], processes: platform.Processes);
                var indexedCopy = await CopyBaseline.MeasureAsync(connection, [stored], withIndexes: true, processes: platform.Processes);
                var hwm = ProcessTable.StatusKb(pid, "VmHWM") * 1024;
                var rate = marks / seconds;
                attendanceRows.Add([
                    $"{size}: {children} children × {options.AttendanceSessions} sessions",
                    $"{marks:N0} marks, {bytes / 1024.0 / 1024.0:F1} MiB CSV", Report.Rate(rate), Report.Rate(indexedCopy.RowsPerSecond),
                    Report.Ratio(rate / indexedCopy.RowsPerSecond, 0.5), Report.Rate(copy.RowsPerSecond), $"{rate / copy.RowsPerSecond:P0}",
                    load, $"{MemorySampler.Mib(peak)} RSS (VmHWM {MemorySampler.Mib(hwm)})", $"{seconds:F1} s",
                ]);
                notes.Add($"attendance {size}: COPY into the equivalent table ran at {indexedCopy.RowsPerSecond / copy.RowsPerSecond:P0} of bare COPY.");
                notes.Add($"CPU attendance {size}: {cpuReport.Describe()}");
                // Wall-clock ratios swing with what the machine's other users do at that moment; CPU spent is steadier.
                // Only the processes on the feed's path count: the other services' pollers and health checks are not its cost.
                var feedCpu = FeedPath.Sum(p => cpuReport.Used.GetValueOrDefault(p));
                notes.Add($"CPU cost attendance {size}: the feed took {feedCpu:F1} CPU-s in {string.Join(", ", FeedPath)} " +
                          $"({feedCpu / marks * 1e6:F1} µs a mark); bare COPY {copy.CpuSeconds:F1} CPU-s, COPY into the same indexes " +
                          $"{indexedCopy.CpuSeconds:F1} CPU-s (postgres and bench): by CPU the feed costs {feedCpu / copy.CpuSeconds:F1}× bare COPY " +
                          $"and {feedCpu / indexedCopy.CpuSeconds:F1}× indexed COPY.");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static async Task PostFeedAsync(HttpClient client, string path)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync("/api/virtual-school/attendance/bulk", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Attendance feed refused ({(int)response.StatusCode}): {body[..Math.Min(500, body.Length)]}");
        }
    }

    /// <summary>
    /// Waits until the virtual school's outbox dispatcher has sent every event and board and sharing have consumed
    /// them (every broker queue empty); returns how long that took.
    /// </summary>
    private async Task<TimeSpan> QuietAsync(string connectionString) =>
        await WaitForOutboxAsync(connectionString, options.DrainLimit)
        + await platform.DrainBrokerAsync(options.DrainLimit);

    /// <summary>Waits until the service's outbox dispatcher has sent every event; returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForOutboxAsync(string connectionString, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var unsent = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        while (stopwatch.Elapsed < limit && (long)(await unsent.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(1000);
        }
        return stopwatch.Elapsed;
    }

    private async Task Ssda903Async()
    {
        await using var worker = Ssda903Worker.Start(platform.Processes);
        // One database for every import, emptied before each, as the care register's service has one: an import
        // into a new database also had the worker's first use of a new connection string compiled beside it.
        var database = await platform.ScratchDatabaseAsync("bench_ssda903");
        await MigratedAsync(database);
        await WarmSsda903Async(worker, database);
        for (var i = 0; i < options.Ssda903Children.Length; i++)
        {
            var children = options.Ssda903Children[i];
            var folder = Path.Combine(Path.GetTempPath(), $"bench-ssda903-{Guid.NewGuid():N}");
            try
            {
                var generate = Stopwatch.StartNew();
                var summary = GenerateYear(folder, children, seed: 903 + i);
                var generateSeconds = generate.Elapsed.TotalSeconds;
                var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);

                var size = $"×{(i == 0 ? 1 : 10)}";
                // Import-then-COPY pairs, each import into the emptied database and each COPY of that import's rows,
                // the ratio taken within the pair: five imports and then five COPYs put minutes between the two sides,
                // and the baseline alone moved from 225,000 to 440,000 rows/s between runs of the bench.
                var pairs = new List<Ssda903Pair>();
                if (i > 0)
                {
                    // The warm-ups are of the first size; a larger year calls its per-batch code more often, and the
                    // first ×10 pair of the 05:32 run still had 135 ms of JIT beside it (the others 0–1 ms).
                    var warm = await UnmeasuredImportAsync(worker, database, folder);
                    notes.Add($"SSDA903 {size}: one unmeasured import of this size first, which took {warm.Seconds:F2} s ({warm.JitMilliseconds:F0} ms of JIT).");
                }
                for (var run = 0; run < MeasuredRuns; run++)
                {
                    var import = await ImportOnceAsync(worker, database, folder);
                    var copied = await CopyBaseline.MeasureAsync(import.Connection, Ssda903Sources, withIndexes: true, processes: platform.Processes);
                    pairs.Add(new Ssda903Pair(import, await CountAsync(import.Connection), copied));
                }
                var (median, spread) = MedianPair.Of(pairs, p => p.Ratio);
                var (connection, seconds, cpuReport, stored, copy) = (median.Import.Connection, median.Import.Seconds, median.Import.Cpu, median.Stored, median.Copy);
                var highest = pairs.Select(p => p.Import).MaxBy(r => r.PeakBytes - r.BaselineBytes)!;
                var (peak, baseline, heap) = (highest.PeakBytes, highest.BaselineBytes, pairs.Max(p => p.Import.PeakHeapBytes));
                notes.Add($"SSDA903 {size}: {MeasuredRuns} pairs, each an import into the emptied database and then COPY of its rows into tables with the same indexes " +
                          $"(import s, with the worker's JIT time during it / COPY rows/s = ratio): " +
                          $"{string.Join("; ", pairs.Select(p => $"{p.Import.Seconds:F2} s (JIT {p.Import.JitMilliseconds:F0} ms) / {Report.Rate(p.Copy.RowsPerSecond)} = {p.Ratio:P0}"))}. " +
                          $"The median pair is the headline (its CPU, steps and statements are shown; peak memory is the highest of the runs); " +
                          $"the median import against the median COPY, as the bench took it until 2026-11-29 05:05, gives {RatioOfMedians(pairs):P0}.");
                statements.Add(($"the median pair's database during the SSDA903 import {size}", median.Import.Statements));
                // The headline baseline keeps the indexes the ssda903_* tables have (the importer must maintain them);
                // the bare-table figure, on the last pair's rows (every pair imports the same files), is printed beside it.
                var bare = await CopyBaseline.MeasureAsync(connection, Ssda903Sources, processes: platform.Processes);
                var separate = await Ssda903ProcessRun.ImportAsync(await platform.ScratchDatabaseAsync($"bench_ssda903_cli_{i}"), folder);
                rows.Add([
                    "SSDA903 year (care register importer; COPY into tables with the same indexes, bare tables in brackets)",
                    $"{size}: {summary.Children:N0} children, {summary.Oc3Records:N0} OC3, {summary.MissingEpisodes:N0} missing episodes",
                    $"{stored:N0} rows in 7 tables, {bytes / 1024.0 / 1024.0:F1} MiB CSV (generated in {generateSeconds:F1} s)",
                    Report.Rate(stored / seconds), $"{Report.Rate(copy.RowsPerSecond)} ({Report.Rate(bare.RowsPerSecond)})",
                    $"{Report.Ratio(median.Ratio, 0.5)}{spread} ({stored / seconds / bare.RowsPerSecond:P0} of bare)",
                    $"+{MemorySampler.Mib(peak - baseline)} working set (peak {MemorySampler.Mib(peak)}), managed heap peak {MemorySampler.Mib(heap)}; " +
                    $"alone in its own process with a {Ssda903ProcessRun.HeapLimitMiB} MiB GC heap limit: peak {separate.PeakWorkingSet}",
                    $"{seconds:F1} s",
                ]);
                notes.Add($"CPU SSDA903 {size}: {cpuReport.Describe()}");
                notes.Add($"SSDA903 {size} imported again by the care register's command line in a process of its own (same files, fresh database, GC heap limited to {Ssda903ProcessRun.HeapLimitMiB} MiB at every size; " +
                          $"its VmRSS sampled every 50 ms, peak {MemorySampler.Mib(separate.SampledPeakBytes)}): {separate.Summary}");
                notes.AddRange(median.Import.Steps.Select(m => $"importer SSDA903 {size}: {m}"));
                var importCpu = ImportPath.Sum(p => cpuReport.Used.GetValueOrDefault(p));
                notes.Add($"CPU cost SSDA903 {size}: the import took {importCpu:F1} CPU-s in {string.Join(", ", ImportPath)} " +
                          $"({importCpu / stored * 1e6:F1} µs a stored row); COPY into the same indexes {copy.CpuSeconds:F1} CPU-s, bare COPY " +
                          $"{bare.CpuSeconds:F1} CPU-s (postgres and bench): by CPU the import costs {importCpu / copy.CpuSeconds:F1}× indexed COPY " +
                          $"and {importCpu / bare.CpuSeconds:F1}× bare COPY.");
                NpgsqlConnection.ClearAllPools();
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>
    /// Import-then-COPY pairs at each size; the median pair makes the ratio. Five, not three: on this shared machine
    /// the same ×1 import of a third of a second moves by a fifth between quarter hours, and one slow run of three
    /// (0.46 s beside 0.33 and 0.32 s in the 03:26 run of 2026-11-29) was a third of the sample.
    /// </summary>
    private const int MeasuredRuns = 5;

    /// <summary>One import and the COPY of the rows it stored, measured one after the other.</summary>
    private sealed record Ssda903Pair(Ssda903Run Import, long Stored, CopyBaseline.Result Copy)
    {
        public double Ratio => Stored / Import.Seconds / Copy.RowsPerSecond;
    }

    private static double RatioOfMedians(IReadOnlyList<Ssda903Pair> pairs) =>
        pairs.Select(p => p.Stored / p.Import.Seconds).Order().ElementAt(pairs.Count / 2) / pairs.Select(p => p.Copy.RowsPerSecond).Order().ElementAt(pairs.Count / 2);

    /// <summary>One measured import: its wall time, the CPU the machine spent on it, its memory, its step log and its statements.</summary>
    private sealed record Ssda903Run(string Connection, double Seconds, CpuReport Cpu, long PeakBytes, long BaselineBytes, long PeakHeapBytes,
        IReadOnlyList<string> Steps, IReadOnlyList<IReadOnlyList<string>> Statements, double JitMilliseconds);

    private async Task<Ssda903Run> ImportOnceAsync(Ssda903Worker worker, string connection, string folder)
    {
        await EmptyTablesAsync(connection);
        // Which of the import's statements the server's share of its CPU went to (the COPY baselines run after they are read).
        await StatementStats.ResetAsync(connection);
        var cpu = CpuProfile.Start(platform.Processes);
        var outcome = await worker.ImportAsync(connection, folder);
        var cpuReport = cpu.Stop();
        await worker.ReleaseAsync(connection);
        return new Ssda903Run(connection, outcome.Seconds, cpuReport, outcome.PeakBytes, outcome.BaselineBytes, outcome.PeakHeapBytes, outcome.Steps,
            await StatementStats.TopAsync(connection, 10), outcome.JitMilliseconds);
    }

    /// <summary>
    /// The first imports in a process pay for JIT compilation of the import path; the COPY baselines run in a warm
    /// process, and an import in the care register's long-running service would be warm too, so the importer gets
    /// <see cref="WarmUps"/> years first, unmeasured, as the attendance feed does, into the database the measured
    /// imports use, emptied before each. Each is timed in the notes with the JIT time spent during it, so a reader can
    /// see when the importer stopped being compiled.
    /// </summary>
    private async Task WarmSsda903Async(Ssda903Worker worker, string connection)
    {
        var children = options.Ssda903Children[0];
        var took = new List<Ssda903Worker.Outcome>();
        var folder = Path.Combine(Path.GetTempPath(), $"bench-ssda903-warm-{Guid.NewGuid():N}");
        try
        {
            GenerateYear(folder, children, seed: 901);
            for (var i = 0; i < WarmUps; i++)
            {
                took.Add(await UnmeasuredImportAsync(worker, connection, folder));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        notes.Add($"SSDA903: the importer was warmed up with {took.Count} unmeasured imports of the first size ({children} children in care, into the measured imports' database, emptied before each), " +
                  $"which took (JIT time during each): {string.Join(", ", took.Select(t => $"{t.Seconds:F2} s ({t.JitMilliseconds:F0} ms)"))}.");
    }

    /// <summary>
    /// The runtime promotes a method to its optimised tier after 30 calls, so a method the import calls once is
    /// promoted during the 30th import; until then imports bring promotions, compiled beside them on a 2-core
    /// machine. In a harness of forty ×1 imports in a row (each into its own database, which it also migrated), JIT
    /// took 11–276 ms during each of imports 2 to 12 (0.23–0.43 s), 114 ms during the 21st, 302 ms during the 31st
    /// (0.32 s), and 0–22 ms during each of the others from the 22nd (0.23–0.32 s). The eight warm-ups used until
    /// 2026-11-29 05:20 left the measured imports in the middle of that.
    /// </summary>
    private const int WarmUps = 32;

    /// <summary>
    /// An import into the emptied database, not timed against a baseline. Emptied, not re-imported over: a year
    /// imported again finds every child's key and writes no key links.
    /// </summary>
    private static async Task<Ssda903Worker.Outcome> UnmeasuredImportAsync(Ssda903Worker worker, string connection, string folder)
    {
        await EmptyTablesAsync(connection);
        var outcome = await worker.ImportAsync(connection, folder);
        await worker.ReleaseAsync(connection);
        return outcome;
    }

    /// <summary>Empties every table of the care register's database but the migrations' history.</summary>
    private static async Task EmptyTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'",
            connection);
        var tables = (string)(await list.ExecuteScalarAsync())!;
        await using var truncate = new NpgsqlCommand($"TRUNCATE {tables}", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    private static Ssda903SampleSummary GenerateYear(string folder, int children, int seed) =>
        new Ssda903SampleGenerator().Generate(folder, new Ssda903SampleOptions
        {
            CollectionYear = 2025, ChildrenInCare = children, Seed = seed, ChildIdPrefix = "B",
            // A national year (×10) is ~80,000 children in care, ~45,000 care leavers and ~90,000 missing episodes.
            CareLeavers = children * 45 / 80, MissingEpisodes = children * 90 / 80,
        });

    private static async Task<DbContextOptions<CareRegisterDbContext>> MigratedAsync(string connection)
    {
        var dbOptions = new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql(connection, o => o.CommandTimeout(1800)).Options;
        await using var migrate = new CareRegisterDbContext(dbOptions);
        await migrate.Database.MigrateAsync();
        return dbOptions;
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Join(" + ", Ssda903Tables.Select(t => $"(SELECT count(*) FROM {t})")).Insert(0, "SELECT "), connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
