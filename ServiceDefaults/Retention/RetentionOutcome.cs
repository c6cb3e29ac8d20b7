namespace Partnership.ServiceDefaults.Retention;

/// <summary>What one rule did in one run: rows deleted per table (or, in a dry run, rows past their period).</summary>
public sealed record RetentionOutcome(
    string Rule,
    RetentionPeriod Period,
    DateTimeOffset Cutoff,
    bool DryRun,
    IReadOnlyDictionary<string, long> Rows,
    string? Error)
{
    public long Total => Rows.Values.Sum();
}
