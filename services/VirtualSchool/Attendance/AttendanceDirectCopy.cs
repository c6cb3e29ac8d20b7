using Npgsql;
using NpgsqlTypes;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Copies a feed's rows straight into <c>attendance_marks</c> by binary COPY as they stream in, which costs about
/// what a COPY into a table with the same keys costs: no staging table, and one WAL record per page instead of one per
/// row. It succeeds when no row's (child, date, session) is stored already and no session repeats within the feed,
/// which is a first load of those dates. Otherwise the primary key stops the COPY, the transaction is rolled back,
/// and the importer replays the feed from its <see cref="AttendanceSpool"/> through the staged merge, which keeps the
/// last line for a session and changes only marks that differ.
///
/// Each child's first and last date (per stretch of its lines) are kept to drive the per-child range scans of the
/// weekly summaries; beyond <see cref="MaxStretches"/> stretches (a feed not grouped by child) that would no longer be
/// small, so the COPY is given up and the feed takes the staged path.
/// </summary>
public sealed class AttendanceDirectCopy : IAsyncDisposable
{
    public const int MaxStretches = 50_000;

    private readonly NpgsqlConnection connection;
    private readonly string agency;
    private readonly DateTimeOffset now;
    private readonly List<(string ChildKey, DateOnly First, DateOnly Last)> stretches = [];
    private NpgsqlBinaryImporter? copy;
    private long rows;

    private AttendanceDirectCopy(NpgsqlConnection connection, string agency, DateTimeOffset now) =>
        (this.connection, this.agency, this.now) = (connection, agency, now);

    /// <summary>False once the COPY was given up; the transaction is then aborted and must be rolled back.</summary>
    public bool Active => copy is not null;

    public static async Task<AttendanceDirectCopy> BeginAsync(NpgsqlConnection connection, string agency, DateTimeOffset now, CancellationToken ct)
    {
        var direct = new AttendanceDirectCopy(connection, agency, now);
        await AttendanceSql.ExecuteAsync(connection, AttendanceLocks.CopyShared, ct);
        direct.copy = await connection.BeginBinaryImportAsync(
            $"COPY {VirtualSchoolDbContext.MarksTable} ({AttendanceSql.MarkColumns}) FROM STDIN (FORMAT BINARY)", ct);
        return direct;
    }

    public async ValueTask WriteAsync(AttendanceRow row, CancellationToken ct)
    {
        if (copy is null)
        {
            return;
        }
        if (stretches.Count > 0 && ReferenceEquals(stretches[^1].ChildKey, row.ChildKey))
        {
            var (key, first, last) = stretches[^1];
            stretches[^1] = (key, row.Date < first ? row.Date : first, row.Date > last ? row.Date : last);
        }
        else if (stretches.Count < MaxStretches)
        {
            stretches.Add((row.ChildKey, row.Date, row.Date));
        }
        else
        {
            await GiveUpAsync();
            return;
        }

        rows++;
        try
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.ChildKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(AttendanceSql.SessionCode(row.Session), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Mark, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((short)row.Category, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(agency, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        catch (PostgresException e) when (IsConflict(e))
        {
            await GiveUpAsync();
        }
    }

    /// <summary>
    /// Ends the COPY. On success, fills the per-child table the summaries read and returns the outcome; on a key
    /// conflict (with stored marks, within the feed, or with a feed copied at the same time) returns null.
    /// </summary>
    public async Task<AttendanceMergeOutcome?> CompleteAsync(CancellationToken ct)
    {
        if (copy is null)
        {
            return null;
        }
        try
        {
            await copy.CompleteAsync(ct);
        }
        catch (PostgresException e) when (IsConflict(e))
        {
            await GiveUpAsync();
            return null;
        }
        // The connection stays in the COPY state until the importer is disposed.
        await copy.DisposeAsync();
        copy = null;
        var childKeys = stretches.Select(s => s.ChildKey).ToArray();
        await AttendanceLocks.LockSummariesAsync(connection, childKeys, ct);
        // The stretches go in as three arrays rather than through a temporary table of their own: a small feed paid for
        // a second CREATE, COPY and DROP of a table, most of its server time.
        // has_marks is not probed on this path: the summaries count a week when this transaction wrote a mark in it.
        await using (var perChild = new NpgsqlCommand($"""
            CREATE TEMP TABLE {AttendanceMarksMerge.ChildrenTable} ON COMMIT DROP AS
            SELECT child_key, min(first_date) AS first_date, max(last_date) AS last_date, false AS repeats, NULL::boolean AS has_marks
            FROM unnest(@keys, @firsts, @lasts) AS s(child_key, first_date, last_date) GROUP BY child_key
            """, connection) { CommandTimeout = AttendanceSql.BulkCommandTimeoutSeconds })
        {
            perChild.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, childKeys);
            perChild.Parameters.AddWithValue("firsts", NpgsqlDbType.Array | NpgsqlDbType.Date, stretches.Select(s => s.First).ToArray());
            perChild.Parameters.AddWithValue("lasts", NpgsqlDbType.Array | NpgsqlDbType.Date, stretches.Select(s => s.Last).ToArray());
            await perChild.ExecuteNonQueryAsync(ct);
        }
        var children = childKeys.Distinct(StringComparer.Ordinal).Count();
        return new AttendanceMergeOutcome(rows, children, 0, Deduplicated: false, CopiedDirectly: true);
    }

    /// <summary>Unique violation: a mark is stored already or repeats in the feed. Deadlock: two copied feeds
    /// wrote the same marks in different orders, and this one was chosen to give way.</summary>
    private static bool IsConflict(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected;

    private async Task GiveUpAsync()
    {
        var abandoned = copy;
        copy = null;
        stretches.Clear();
        if (abandoned is null)
        {
            return;
        }
        try
        {
            // Cancels the COPY if it is still open; the server's refusal of it, or the error that ended it, is expected.
            await abandoned.DisposeAsync();
        }
        catch (PostgresException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await GiveUpAsync();
}
