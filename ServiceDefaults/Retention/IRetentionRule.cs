namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// Something the retention job enforces on each run. Table policies (<see cref="RetentionPolicy"/>) are the usual
/// kind; a rule of its own suits data whose owner already knows how to prune it (OpenIddict's tokens).
/// </summary>
public interface IRetentionRule
{
    string Name { get; }

    /// <summary>The period the service declares; <c>Retention:Policies:&lt;name&gt;:Period</c> may override it.</summary>
    RetentionPeriod Period { get; }

    /// <summary>Deletes what is dated before <see cref="RetentionPass.Cutoff"/> (or, in a dry run, only counts it) and reports each batch to the pass.</summary>
    Task ApplyAsync(RetentionPass pass, CancellationToken cancellationToken);
}
