namespace Partnership.Bench;

/// <summary>Sizes for a run. Every measured path runs at ×1 and ×10 so the cost curve is visible.</summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    public int[] PipelineSizes { get; init; } = [];
    public int Concurrency { get; init; } = 32;
    /// <summary>
    /// Unreported events each side handles before the measured runs. Ten processes tier up on two cores: after 500
    /// events a CPU profile still found the JIT's tiering threads taking a fifth of the machine during the first
    /// measured run.
    /// </summary>
    public int PipelineWarmup { get; init; } = 2_000;
    /// <summary>
    /// Baseline-then-platform pairs per pipeline size; the report gives the median pair's ratio and the range. One
    /// pair of half-second to ten-second runs moved by a third between two runs of the bench on a machine shared
    /// with other work.
    /// </summary>
    public int PipelineRepeats { get; init; } = 3;
    public int Rate { get; init; } = 200;
    public int RatedSeconds { get; init; }
    public TimeSpan FactWait { get; init; }
    /// <summary>Children per attendance feed (each with ~380 session marks: one school year).</summary>
    public int[] AttendanceChildren { get; init; } = [];
    public int AttendanceSessions { get; init; } = 380;
    /// <summary>Children in care per SSDA903 year; care leavers and missing episodes in the national proportions (80,000 : 45,000 : 90,000).</summary>
    public int[] Ssda903Children { get; init; } = [];
    /// <summary>Children with board facts (~100 facts each).</summary>
    public int[] BoardChildren { get; init; } = [];
    public int WarmCalls { get; init; }
    /// <summary>Overviews computed live (no stored results), for comparison with the stored path.</summary>
    public int LiveCalls { get; init; }
    /// <summary>Assessments posted one at a time to time event → stored overview.</summary>
    public int FreshnessProbes { get; init; }
    public bool RestartBoardForCold { get; init; }
    /// <summary>
    /// Services that no part calls, and that consume none of the events the parts cause (only board and sharing
    /// consume): a quick run leaves them unstarted, which saves a third of the start-up CPU; a full run has them all.
    /// </summary>
    public IReadOnlySet<string> NotStarted { get; init; } = new HashSet<string>();

    /// <summary>How long a part waits for the events the one before it left in the broker's queues.</summary>
    public TimeSpan DrainLimit => TimeSpan.FromMinutes(Quick ? 1 : 15);

    public bool Runs(string part) => Only.Count == 0 || Only.Contains(part);

    /// <summary>
    /// The two halves of the ingest part can be chosen alone (<c>--only attendance</c>, <c>--only ssda903</c>) so one
    /// path can be measured repeatedly without paying for the other on a shared machine.
    /// </summary>
    public bool RunsIngest(string path) => Runs(path) || (Runs("ingest") && !Only.Contains("attendance") && !Only.Contains("ssda903"));

    public bool RunsAnyIngest => RunsIngest("attendance") || RunsIngest("ssda903");

    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var onlyIndex = Array.IndexOf(args, "--only");
        var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length
            ? args[onlyIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            : [];
        var restart = args.Contains("--restart-board");
        var options = quick
            ? new BenchOptions
            {
                Quick = true, Only = only, RestartBoardForCold = restart,
                PipelineSizes = [50, 500], Concurrency = 16, PipelineWarmup = 100, PipelineRepeats = 1, RatedSeconds = 2, FactWait = TimeSpan.FromSeconds(60),
                AttendanceChildren = [6, 60], Ssda903Children = [100, 1000], BoardChildren = [100, 1000], WarmCalls = 5, LiveCalls = 2, FreshnessProbes = 3,
                NotStarted = new HashSet<string> { "care-register", "youth-justice", "leaving-care", "dashboard" },
            }
            : new BenchOptions
            {
                Only = only, RestartBoardForCold = restart,
                PipelineSizes = [500, 5000], Concurrency = 32, RatedSeconds = 30, FactWait = TimeSpan.FromMinutes(5),
                AttendanceChildren = [550, 5500], Ssda903Children = [8000, 80000], BoardChildren = [10_000, 100_000], WarmCalls = 20, LiveCalls = 3, FreshnessProbes = 5,
            };
        // e.g. --attendance-children 550 (one size, for repeated measurements) or 550,5500; --pipeline-events likewise.
        options = Sizes(args, "--attendance-children") is { } attendance ? options with { AttendanceChildren = attendance } : options;
        return Sizes(args, "--pipeline-events") is { } events ? options with { PipelineSizes = events } : options;
    }

    private static int[]? Sizes(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length
            ? args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()
            : null;
    }
}
