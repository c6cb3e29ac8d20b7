using System.Diagnostics;
using Partnership.Bench;
using Partnership.Bench.Board;
using Partnership.Bench.Ingest;
using Partnership.Bench.Measure;
using Partnership.Bench.Pipeline;
using Partnership.Bench.Platform;

// bench/run [--quick] [--only pipeline,ingest,board|attendance|ssda903] [--attendance-children 550,5500]: starts the platform through the AppHost, measures, and prints a
// markdown report that is also saved as artifacts/bench-<timestamp>.md.
if (args is [Ssda903Worker.Argument])
{
    await Ssda903Worker.ServeAsync();
    return 0;
}
var options = BenchOptions.Parse(args);
var root = RepositoryRoot();
var report = new Report();
var total = Stopwatch.StartNew();
var failures = 0;
// Wall time per phase, for the table at the end: bench/run's own steps (it passes them in), start-up, each part.
var wall = new List<(string Phase, TimeSpan Took)>(ScriptPhases());

report.Line($"# Partnership bench {(options.Quick ? "(quick: small sizes, smoke run)" : "(full)")} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.Line("");
report.Line($"- machine: {MachineLoad.Describe()} at start");
report.Line($"- commit: {Git(root, "rev-parse --short HEAD")}");

var startup = Stopwatch.StartNew();
await using var platform = await BenchPlatform.StartAsync(root, TimeSpan.FromMinutes(10), options.NotStarted);
report.Line($"- AppHost started and every resource healthy in {startup.Elapsed.TotalSeconds:F0} s (load average then {MachineLoad.LoadAverage()})"
    + (options.NotStarted.Count > 0 ? $"; not started, as no part uses them: {string.Join(", ", options.NotStarted)}" : ""));
var previous = TimeSpan.Zero;
foreach (var (phase, at) in platform.StartupPhases)
{
    wall.Add(($"start-up: {phase}", at - previous));
    previous = at;
}

(string Name, Func<Task> Run)[] parts =
[
    ("pipeline", () => new PipelineBench(platform, report, options).RunAsync()),
    ("ingest", () => new IngestBench(platform, report, options).RunAsync()),
    ("board", () => new BoardQueryBench(platform, report, options).RunAsync()),
];
foreach (var (name, run) in parts.Where(p => p.Name == "ingest" ? options.RunsAnyIngest : options.Runs(p.Name)))
{
    var partClock = Stopwatch.StartNew();
    try
    {
        var drained = await platform.DrainBrokerAsync(options.DrainLimit);
        if (drained > TimeSpan.FromSeconds(2))
        {
            report.Line($"\n- before {name}: waited {drained.TotalSeconds:F0} s for the broker queues to drain (events left by the previous part)");
        }
        await run();
    }
    catch (Exception ex)
    {
        failures++;
        report.Line($"\n**{name} failed: {ex.GetType().Name}: {ex.Message}**\n");
        Console.Error.WriteLine(ex);
        // Let the failing service's own log of the error reach stderr before the platform is stopped.
        await Task.Delay(TimeSpan.FromSeconds(5));
    }
    wall.Add(($"part: {name} (with the wait for the broker to drain before it)", partClock.Elapsed));
}

// Stopped here rather than by `await using` alone, so the report can say what stopping costs.
var stopping = Stopwatch.StartNew();
await platform.DisposeAsync();
wall.Add(("stop the AppHost (every resource)", stopping.Elapsed));

report.Heading("Where the wall time went");
report.Table(["phase", "wall s"], wall.Select(p => (IReadOnlyList<string>)[p.Phase, $"{p.Took.TotalSeconds:F1}"]));
report.Line("AppHost resources, seconds since the start-up began (ordered by readiness; stopped: when the bench stopped it, or when a one-shot step such as rabbitmq-users finished):");
report.Line("");
report.Table(["resource", "starting", "running", "healthy", "running → healthy", "stopped"], platform.ResourceTimeline);

report.Line($"\n- finished in {total.Elapsed.TotalSeconds:F0} s; load average at end {MachineLoad.LoadAverage()}");
var artifacts = Path.Combine(root, "artifacts");
Directory.CreateDirectory(artifacts);
var file = Path.Combine(artifacts, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"\nSaved {Path.GetRelativePath(root, file)}");
return failures == 0 ? 0 : 1;

// bench/run times its own steps (infra start, build) and hands them over as "name=seconds;name=seconds".
static IEnumerable<(string, TimeSpan)> ScriptPhases() =>
    (Environment.GetEnvironmentVariable("BENCH_SCRIPT_PHASES") ?? "")
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Where(p => p.Length == 2 && double.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
        .Select(p => ($"bench/run: {p[0]}", TimeSpan.FromSeconds(double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))));

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Partnership.sln not found above " + AppContext.BaseDirectory);
}

static string Git(string root, string arguments)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true })!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
