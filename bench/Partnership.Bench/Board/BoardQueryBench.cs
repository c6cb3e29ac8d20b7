using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Partnership.Bench.Measure;
using Partnership.Bench.Platform;

namespace Partnership.Bench.Board;

/// <summary>
/// Latency of the board's overview and of one indicator's trend over national-scale facts: cold (first call after the
/// board process restarts: no JIT, pools or cached plans) and warm (p50/p95 of repeated calls), through the gateway.
/// </summary>
public sealed class BoardQueryBench(BenchPlatform platform, Report report, BenchOptions options)
{
    private const string Overview = "/api/board/indicators?year=2025";

    public async Task RunAsync()
    {
        var connection = await platform.ConnectionStringAsync("boarddb");
        using var client = await platform.ClientAsync("board-reporting", "board.read");
        var indicator = await TrendIndicatorAsync(client);
        var trend = $"/api/board/indicators/{Uri.EscapeDataString(indicator)}?year=2025";

        report.Heading("3. Board queries over national-scale facts");
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        for (var i = 0; i < options.BoardChildren.Length; i++)
        {
            var loaded = await BoardFactLoader.LoadAsync(connection, options.BoardChildren[i], seed: 153 + i);
            var size = $"×{(i == 0 ? 1 : 10)}: {options.BoardChildren[i]:N0} children, {loaded.Facts + loaded.Assessments:N0} facts";
            notes.Add($"load {size}: COPY {loaded.CopySeconds:F1} s ({(loaded.Facts + loaded.Assessments) / loaded.CopySeconds:N0} rows/s), index rebuild + ANALYZE {loaded.IndexSeconds:F1} s");

            // Restarting the board through the AppHost proved unreliable on this busy machine (DCP timed out stopping
            // it and the gateway then answered 504), so "cold" is the first call after the load: new data, new
            // statistics, nothing of it yet in the board's pools or PostgreSQL's buffers beyond what the load left.
            var restarted = options.RestartBoardForCold && await platform.TryRestartAsync("board");
            using var cold = await platform.ClientAsync("board-reporting", "board.read");
            var coldOverview = await TryTimeAsync(cold, Overview);
            var coldTrend = await TryTimeAsync(cold, trend);
            await StatementStats.ResetAsync(connection);
            var cpu = CpuProfile.Start(platform.Processes);
            var warmOverview = new Percentiles(await RepeatAsync(cold, Overview));
            var warmTrend = new Percentiles(await RepeatAsync(cold, trend));
            var cpuReport = cpu.Stop();
            rows.Add([size, "overview `GET " + Overview + "`", Report.Ms(coldOverview) + (restarted ? " (after restart)" : ""), Report.Ms(warmOverview[50]), Report.Ms(warmOverview[95]) + $" (n={warmOverview.Count})",
                warmOverview[95] < 100 ? "meets" : "misses"]);
            rows.Add([size, $"trend `GET /api/board/indicators/{indicator}?year=2025`", Report.Ms(coldTrend) + (restarted ? " (after restart)" : ""), Report.Ms(warmTrend[50]),
                Report.Ms(warmTrend[95]) + $" (n={warmTrend.Count})", warmTrend[95] < 100 ? "meets" : "misses"]);
            notes.Add($"CPU warm calls {size}: {cpuReport.Describe()}");
            // Printed after every size: a national-scale size can take long enough that the run is stopped before the next.
            report.Table(["size", "call", "cold (first call after load)", "warm p50", "warm p95", "p95 < 100 ms"], rows);
            rows.Clear();
            if (i == options.BoardChildren.Length - 1)
            {
                report.Line($"Where the warm calls' database time went at {size} (pg_stat_statements, board database):");
                report.Line("");
                report.Table(StatementStats.Header, await StatementStats.TopAsync(connection, 6));
            }
        }
        report.Note($"{options.WarmCalls} warm calls each, sequential. Cold = first call after the facts were loaded (with --restart-board, after restarting the board process); PostgreSQL's shared buffers and the OS page cache are not dropped (shared machine).");
        report.Note("The board's tables have no local-authority column: 'national scale' is the number of synthetic child pseudonyms, not 153 authorities.");
        foreach (var note in notes.Concat(failures.Select(f => "failed call: " + f)))
        {
            report.Note(note);
        }
        report.Line("");
    }

    /// <summary>Failed calls (a 504 when a call outlives the gateway's 100 s proxy timeout) count as NaN and are listed.</summary>
    private async Task<double[]> RepeatAsync(HttpClient client, string path)
    {
        var times = new List<double>();
        for (var i = 0; i < options.WarmCalls; i++)
        {
            try
            {
                times.Add(await TimeAsync(client, path));
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message.Length > 200 ? ex.Message[..200] : ex.Message);
            }
        }
        return times.ToArray();
    }

    private readonly List<string> failures = [];

    private async Task<double> TryTimeAsync(HttpClient client, string path)
    {
        try
        {
            return await TimeAsync(client, path);
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message.Length > 200 ? ex.Message[..200] : ex.Message);
            return double.NaN;
        }
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} after {ms:F0} ms: {body[..Math.Min(800, body.Length)]}");
        }
        return ms;
    }

    /// <summary>The default plan's first indicator computed from facts (not a manual one), so the trend does real work.</summary>
    private static async Task<string> TrendIndicatorAsync(HttpClient client)
    {
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/board/plans");
        var plan = plans.GetProperty("plans")[0];
        foreach (var indicator in plan.GetProperty("indicators").EnumerateArray())
        {
            var kind = indicator.TryGetProperty("sourceKind", out var k) ? k.ToString() : "";
            if (!kind.Contains("Manual", StringComparison.OrdinalIgnoreCase))
            {
                return indicator.GetProperty("id").GetString()!;
            }
        }
        return plan.GetProperty("indicators")[0].GetProperty("id").GetString()!;
    }
}
