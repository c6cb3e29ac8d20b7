using Npgsql;
using NpgsqlTypes;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// The feed's rows in a temporary table of the import's transaction, written by one binary COPY as they stream in
/// (nothing is held in memory). Each row carries the number of the run it belongs to: a run is a stretch of lines for
/// one child in strictly increasing (date, session) order, which is how extracts list marks. A session can only be
/// named twice in a feed if its child appears in more than one run, so the merge needs the sort that keeps the last
/// line for each session only when some child does; and it learns that from the per-child aggregate it computes anyway,
/// without this class remembering anything per child.
/// </summary>
public sealed class AttendanceStaging : IAsyncDisposable
{
    public const string Table = "attendance_staging";

    private readonly NpgsqlBinaryImporter copy;
    private string? lastChildKey;
    private DateOnly lastDate;
    private AttendanceSession lastSession;
    private int run;

    private AttendanceStaging(NpgsqlBinaryImporter copy) => this.copy = copy;

    public long Rows { get; private set; }

    public static async Task<AttendanceStaging> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE {Table} (row_no bigint NOT NULL, run integer NOT NULL, child_key text NOT NULL, date date NOT NULL, session text NOT NULL, mark text NOT NULL, category smallint NOT NULL) ON COMMIT DROP",
            connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        return new AttendanceStaging(await connection.BeginBinaryImportAsync(
            $"COPY {Table} (row_no, run, child_key, date, session, mark, category) FROM STDIN (FORMAT BINARY)", ct));
    }

    public async ValueTask WriteAsync(AttendanceRow row, CancellationToken ct)
    {
        if (!Continues(row))
        {
            run++;
        }
        (lastChildKey, lastDate, lastSession) = (row.ChildKey, row.Date, row.Session);
        Rows++;

        await copy.StartRowAsync(ct);
        await copy.WriteAsync(row.Row, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(run, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(row.ChildKey, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(AttendanceSql.SessionCode(row.Session), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.Mark, NpgsqlDbType.Text, ct);
        await copy.WriteAsync((short)row.Category, NpgsqlDbType.Smallint, ct);
    }

    private bool Continues(in AttendanceRow row) =>
        string.Equals(row.ChildKey, lastChildKey, StringComparison.Ordinal)
        && (row.Date > lastDate || (row.Date == lastDate && row.Session > lastSession));

    public async Task CompleteAsync(CancellationToken ct) => await copy.CompleteAsync(ct);

    /// <summary>Without <see cref="CompleteAsync"/> the COPY is cancelled and the rows written so far are discarded.</summary>
    public ValueTask DisposeAsync() => copy.DisposeAsync();
}
