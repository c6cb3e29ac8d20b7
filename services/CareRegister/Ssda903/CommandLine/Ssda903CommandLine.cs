using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Partnership.CareRegister.Apis;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Ssda903.Sample;

namespace Partnership.CareRegister.Ssda903.CommandLine;

/// <summary>
/// The service's executable as a tool:
///   import &lt;year&gt; &lt;folder&gt; [--connection &lt;connection string&gt;] [--verbose]   imports a folder of SSDA903 CSVs (same code as the API)
///   generate &lt;year&gt; &lt;folder&gt; [--children N] [--care-leavers N] [--missing-episodes N] [--seed N] [--inject-failures]   writes a sample return
/// The connection string defaults to ConnectionStrings__careregisterdb.
/// </summary>
public static class Ssda903CommandLine
{
    public const int Imported = 0;
    public const int Usage = 1;
    public const int Rejected = 2;

    public static bool Handles(string[] args) => args is ["import", ..] or ["generate", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length < 3 || !int.TryParse(args[1], out var year) || year is < 2000 or > 2100)
        {
            await output.WriteLineAsync("usage: import <year> <folder> [--connection <cs>] [--verbose] | generate <year> <folder> [--children N] [--care-leavers N] [--missing-episodes N] [--seed N] [--inject-failures]");
            return Usage;
        }
        var folder = args[2];
        var options = Options(args[3..]);
        return args[0] == "generate"
            ? await GenerateAsync(year, folder, options, output)
            : await ImportAsync(year, folder, options, output, ct);
    }

    private static async Task<int> GenerateAsync(int year, string folder, Dictionary<string, string?> options, TextWriter output)
    {
        var summary = new Ssda903SampleGenerator().Generate(folder, new Ssda903SampleOptions
        {
            CollectionYear = year,
            ChildrenInCare = options.TryGetValue("children", out var c) && int.TryParse(c, out var n) ? n : 550,
            CareLeavers = options.TryGetValue("care-leavers", out var l) && int.TryParse(l, out var m) ? m : null,
            MissingEpisodes = options.TryGetValue("missing-episodes", out var e) && int.TryParse(e, out var episodes) ? episodes : null,
            Seed = options.TryGetValue("seed", out var s) && int.TryParse(s, out var seed) ? seed : 903,
            InjectFailures = options.ContainsKey("inject-failures"),
        });
        await output.WriteLineAsync($"Wrote {folder}: {summary.Children} children, {summary.Episodes} episodes, {summary.Oc2Cohort} in the OC2 cohort, " +
            $"{summary.Oc3Records} OC3 rows, {summary.MissingEpisodes} missing episodes, {summary.InjectedFailures.Count} injected rule failures.");
        return Imported;
    }

    private static async Task<int> ImportAsync(int year, string folder, Dictionary<string, string?> options, TextWriter output, CancellationToken ct)
    {
        var connectionString = options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__careregisterdb");
        if (string.IsNullOrEmpty(connectionString) || !Directory.Exists(folder))
        {
            await output.WriteLineAsync("import needs an existing folder and --connection (or ConnectionStrings__careregisterdb).");
            return Usage;
        }

        await using var db = new CareRegisterDbContext(new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync(ct);

        var sources = Ssda903Source.InFolder(folder);
        // --verbose adds the Debug line with each import step's wall and CPU time.
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(options.ContainsKey("verbose") ? LogLevel.Debug : LogLevel.Information));
        var importer = new Ssda903Importer(TimeProvider.System, loggers.CreateLogger<Ssda903Importer>());

        var stopwatch = Stopwatch.StartNew();
        var outcome = await importer.ImportAsync(db, year, sources, $"cli:{Environment.UserName}", ct);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        if (outcome.Rejection is { } rejection)
        {
            await output.WriteLineAsync($"Rejected, nothing stored: {rejection.Title}");
            foreach (var (file, messages) in rejection.Errors)
            {
                foreach (var message in messages)
                {
                    await output.WriteLineAsync($"  {file}: {message}");
                }
            }
            return Rejected;
        }

        var report = (await ImportReports.LoadAsync(db, outcome.ImportId!.Value, ct))!;
        var counts = report.Counts;
        await output.WriteLineAsync($"Imported {year} as {report.ImportId}: {counts.Children} children, {counts.Episodes} episodes, " +
            $"{counts.Reviews} reviews, {counts.Oc2Records} OC2 ({counts.Oc2Cohort} in cohort), {counts.Oc3Records} OC3 ({counts.Oc3Cohort} in cohort), " +
            $"{counts.MissingEpisodes} missing, {counts.UascRecords} UASC, {counts.Ad1Records} AD1, {counts.PlacedForAdoptionRecords} placed for adoption " +
            $"({counts.AdoptionMilestones} adoption milestones); {report.Errors} rows excluded, {report.Warnings} warnings; " +
            (outcome.OnePass ? "one pass, the files being in CHILD order; " : "through staging tables, a file not being in CHILD order; ") +
            FormattableString.Invariant($"{seconds:F2} s."));
        foreach (var issue in report.Issues.Take(50))
        {
            await output.WriteLineAsync($"  {issue.Severity} {issue.File}:{issue.Row} {issue.Column} {issue.Rule}: {issue.Message}");
        }
        // The import streams its files; this line is how an operator (and the bench) sees that memory did not follow the file size.
        using (var self = Process.GetCurrentProcess())
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"Peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB; GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0:F0} MiB after the last collection."));
        }
        return Imported;
    }

    private static Dictionary<string, string?> Options(string[] args)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : null;
        }
        return options;
    }
}
