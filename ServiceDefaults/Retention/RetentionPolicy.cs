namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// One line of a service's retention schedule as data: rows of <paramref name="Table"/> whose
/// <paramref name="Age"/> is before the cutoff of <paramref name="Period"/>, and for which the optional
/// <paramref name="Condition"/> (an SQL predicate over the row, which may use <c>@cutoff</c>) holds, are past their
/// period. Policies are written in a service's code, never read from configuration: the table, column and condition
/// are SQL text. Configuration may only switch a policy off or change its period (see <see cref="RetentionOptions"/>).
/// </summary>
/// <param name="Name">Stable name, used in logs, metrics and <c>Retention:Policies:&lt;name&gt;</c>.</param>
public sealed record RetentionPolicy(string Name, string Table, RetentionColumn Age, RetentionPeriod Period, string? Condition = null)
{
    public override string ToString() => $"{Name} ({Table}, {Period})";
}
