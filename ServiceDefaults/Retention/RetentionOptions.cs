namespace Partnership.ServiceDefaults.Retention;

/// <summary>The retention job's settings, bound from the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>False stops the background job (rules can still be run explicitly, as the tests do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When true every rule only counts what it would delete, and logs it.</summary>
    public bool DryRun { get; set; }

    /// <summary>Time between the end of one run and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Wait after start-up before the first run, so migrations and the first traffic come first and a crash loop
    /// cannot turn into a delete loop.
    /// </summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows deleted per transaction: short transactions keep locks and WAL bursts small.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Per-policy overrides by policy name.</summary>
    public Dictionary<string, PolicyOverride> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public sealed class PolicyOverride
    {
        /// <summary>False skips the policy.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Replaces the declared period: "30 days", "3 years" or "current + 7 reporting years".</summary>
        public string? Period { get; set; }
    }
}
