namespace Partnership.Bench.Measure;

/// <summary>CPU seconds per platform process and for the whole machine between <see cref="Start"/> and <see cref="Stop"/>.</summary>
public sealed class CpuProfile
{
    private readonly ProcessTable processes;
    private Dictionary<string, double> before = [];
    private PostgresCpu? postgresBefore;
    private (long Busy, long Total) machineBefore;
    private DateTimeOffset started;

    private CpuProfile(ProcessTable processes) => this.processes = processes;

    public static CpuProfile Start(ProcessTable processes)
    {
        var profile = new CpuProfile(processes);
        profile.postgresBefore = processes.PostgresProcesses();
        profile.before = processes.CpuSeconds(profile.postgresBefore);
        profile.machineBefore = MachineLoad.CpuJiffies();
        profile.started = DateTimeOffset.UtcNow;
        return profile;
    }

    public CpuReport Stop()
    {
        var postgresAfter = processes.PostgresProcesses();
        var after = processes.CpuSeconds(postgresAfter);
        var databases = postgresAfter is { } postgres && postgresBefore is { } earlier
            ? postgres.ByDatabaseSince(earlier)
            : [];
        var machine = MachineLoad.CpuJiffies();
        var wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
        var used = after.ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value - before.GetValueOrDefault(kv.Key)));
        var busyFraction = (machine.Busy - machineBefore.Busy) / (double)Math.Max(1, machine.Total - machineBefore.Total);
        return new CpuReport(wall, used, busyFraction * Environment.ProcessorCount * wall, databases);
    }
}

/// <summary>Per-process CPU seconds, and all CPU seconds the machine spent (ours and everyone else's) over the wall time.</summary>
public sealed record CpuReport(
    double WallSeconds, IReadOnlyDictionary<string, double> Used, double MachineBusySeconds, IReadOnlyDictionary<string, double> PostgresByDatabase)
{
    public double Ours => Used.Values.Sum();

    public double Others => Math.Max(0, MachineBusySeconds - Ours);

    // Twelve reaches every process with a measurable share, the bench itself (the platform runs' load generator) included.
    public string Describe(int top = 12)
    {
        var capacity = WallSeconds * Environment.ProcessorCount;
        var parts = Used.Where(kv => kv.Value >= 0.05).OrderByDescending(kv => kv.Value).Take(top)
            .Select(kv => $"{kv.Key} {Seconds(kv.Value)}s");
        return $"wall {Seconds(WallSeconds)}s × {Environment.ProcessorCount} cores = {Seconds(capacity)} CPU-s; " +
               $"busy {Seconds(MachineBusySeconds)} CPU-s ({MachineBusySeconds / capacity:P0}), of which ours {Seconds(Ours)}: " +
               string.Join(", ", parts) + $"; other users of the machine {Seconds(Others)} CPU-s" + DescribeDatabases();
    }

    /// <summary>
    /// Hundredths (the resolution of /proc's CPU times) for runs under ten seconds: in a 0.35 s import, tenths turned
    /// PostgreSQL's 0.25 and 0.34 CPU-s into the same "0.3", and the machine's capacity into "1 CPU-s".
    /// </summary>
    private string Seconds(double value) => value.ToString(WallSeconds < 10 ? "F2" : "F1", System.Globalization.CultureInfo.InvariantCulture);

    private string DescribeDatabases()
    {
        var parts = PostgresByDatabase.Where(kv => kv.Value >= 0.05).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Seconds(kv.Value)}s").ToList();
        return parts.Count == 0 ? "" : "; postgres by database: " + string.Join(", ", parts);
    }
}
