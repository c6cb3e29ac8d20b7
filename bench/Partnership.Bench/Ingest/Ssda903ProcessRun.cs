using System.Diagnostics;
using System.Text.RegularExpressions;
using Partnership.Bench.Measure;

namespace Partnership.Bench.Ingest;

/// <summary>
/// Runs the care register's command-line import in a process of its own, so its peak memory is the importer's alone:
/// the bench process also hosts the AppHost, the samplers and the in-process import's leftovers.
/// </summary>
public static partial class Ssda903ProcessRun
{
    public sealed record Result(string PeakWorkingSet, long SampledPeakBytes, string Summary);

    /// <summary>
    /// The same GC heap limit at every size (64 MiB). Without one the GC lets a busy heap grow with the run's length
    /// (its budgets follow the allocation rate), which says nothing about what the import keeps: completing both
    /// sizes at the same speed under the same small limit shows that what it keeps does not grow with the file.
    /// 32 MiB was enough for the staged import. The one-pass import (ADR 0020) has every file open, parsing ahead on
    /// threads of its own, writes one batch while it judges the next, and encodes a batch's events beside its rows:
    /// it ran out at ×10 under 32 MiB, and under 48 MiB once the events were encoded so.
    /// </summary>
    public const string HeapLimit = "0x4000000";
    public const int HeapLimitMiB = 64;

    public static async Task<Result> ImportAsync(string connectionString, string folder)
    {
        // The care register is built beside the bench (a project reference), with its runtimeconfig and apphost.
        var executable = Path.Combine(AppContext.BaseDirectory, "Partnership.CareRegister.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { executable, "import", "2025", folder, "--connection", connectionString })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The care register command line did not start.");
        long sampled;
        string output;
        await using (var memory = MemorySampler.OfProcess(process.Id))
        {
            var reading = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            output = await reading;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The care register command line failed ({process.ExitCode}): {output} {await errors}");
            }
            sampled = memory.PeakBytes;
        }
        var peak = PeakLine().Match(output);
        var imported = output.Split('\n').FirstOrDefault(l => l.StartsWith("Imported", StringComparison.Ordinal))?.Trim() ?? "";
        return new Result(peak.Success ? $"{peak.Groups[1].Value} MiB" : "not reported",
            sampled, $"{stopwatch.Elapsed.TotalSeconds:F1} s including start-up and migration; {(peak.Success ? peak.Value.TrimEnd('.') : "no peak line")}; " +
                     $"{imported[..Math.Min(imported.Length, 90)]}…");
    }

    [GeneratedRegex(@"Peak working set (\d+) MiB; GC heap \d+ MiB")]
    private static partial Regex PeakLine();
}
