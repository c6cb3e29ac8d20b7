namespace Partnership.Bench.Measure;

/// <summary>CPU seconds per platform process and for the whole machine between <see cref="Start"/> and <see cref="Stop"/>.</summary>
public sealed class CpuProfile
{
    private readonly ProcessTable processes;
    private Dictionary<string, double> before = [];
    private Dictionary<string, double> databasesBefore = [];
    private (long Busy, long Total) machineBefore;
    private DateTimeOffset started;

    private CpuProfile(ProcessTable processes) => this.processes = processes;

    public static CpuProfile Start(ProcessTable processes)
    {
        var profile = new CpuProfile(processes);
        profile.before = processes.CpuSeconds();
        profile.databasesBefore = processes.PostgresCpuByDatabase();
        profile.machineBefore = MachineLoad.CpuJiffies();
        profile.started = DateTimeOffset.UtcNow;
        return profile;
    }

    public CpuReport Stop()
    {
        var after = processes.CpuSeconds();
        var databases = processes.PostgresCpuByDatabase()
            .ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value - databasesBefore.GetValueOrDefault(kv.Key)));
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

    public string Describe(int top = 6)
    {
        var capacity = WallSeconds * Environment.ProcessorCount;
        var parts = Used.Where(kv => kv.Value >= 0.05).OrderByDescending(kv => kv.Value).Take(top)
            .Select(kv => $"{kv.Key} {kv.Value:F1}s");
        return $"wall {WallSeconds:F1}s × {Environment.ProcessorCount} cores = {capacity:F0} CPU-s; " +
               $"busy {MachineBusySeconds:F0} CPU-s ({MachineBusySeconds / capacity:P0}), of which ours {Ours:F1}: " +
               string.Join(", ", parts) + $"; other users of the machine {Others:F0} CPU-s" + DescribeDatabases();
    }

    private string DescribeDatabases()
    {
        var parts = PostgresByDatabase.Where(kv => kv.Value >= 0.05).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:F1}s").ToList();
        return parts.Count == 0 ? "" : "; postgres by database: " + string.Join(", ", parts);
    }
}
