namespace Partnership.ServiceDefaults.Retention;

/// <summary>The statements a table policy runs. Policies are code, so their table, column and condition are trusted SQL.</summary>
public static class RetentionSql
{
    public const string CutoffParameter = "cutoff";
    public const string BatchParameter = "batch";

    public static string Where(RetentionPolicy policy) =>
        policy.Condition is { Length: > 0 } condition
            ? $"{policy.Age.Sql} < @{CutoffParameter} AND ({condition})"
            : $"{policy.Age.Sql} < @{CutoffParameter}";

    /// <summary>
    /// Deletes one batch. PostgreSQL's DELETE has no LIMIT, so the batch is chosen by row address (ctid) in a
    /// sub-select; SKIP LOCKED lets two instances of a service prune side by side without waiting on each other, and
    /// leaves rows another transaction is using for the next run.
    /// </summary>
    public static string DeleteBatch(RetentionPolicy policy) =>
        $"DELETE FROM {policy.Table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM {policy.Table} WHERE {Where(policy)} LIMIT @{BatchParameter} FOR UPDATE SKIP LOCKED))";

    /// <summary>Counts what a dry run would delete (EF Core's scalar queries read a column named Value).</summary>
    public static string Count(RetentionPolicy policy) =>
        $"SELECT count(*) AS \"Value\" FROM {policy.Table} WHERE {Where(policy)}";
}
