namespace Partnership.ServiceDefaults.Retention;

/// <summary>One rule's part of one retention run: its cutoff, its limits, and where it reports what it removed.</summary>
public sealed class RetentionPass(
    IServiceProvider services,
    RetentionPeriod period,
    DateTimeOffset cutoff,
    int batchSize,
    bool dryRun,
    Action<string, long> deleted,
    Action<string, long> due)
{
    /// <summary>A scope of its own for this rule (resolve DbContexts and managers from here).</summary>
    public IServiceProvider Services { get; } = services;

    public RetentionPeriod Period { get; } = period;

    /// <summary>The first instant still kept.</summary>
    public DateTimeOffset Cutoff { get; } = cutoff;

    /// <summary>Most rows one batch (one transaction) may delete.</summary>
    public int BatchSize { get; } = batchSize;

    /// <summary>When true nothing may be deleted: count what would go and report it with <see cref="Due"/>.</summary>
    public bool DryRun { get; } = dryRun;

    /// <summary>Reports a committed batch: its table and how many rows it deleted.</summary>
    public void Deleted(string table, long rows) => deleted(table, rows);

    /// <summary>Reports, in a dry run, how many rows of a table are past their period.</summary>
    public void Due(string table, long rows) => due(table, rows);
}
