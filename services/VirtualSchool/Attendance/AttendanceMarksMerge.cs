using Npgsql;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>How the feed went into the marks table. Staged: children new to the table (in the feed's date range) take
/// a plain insert, children who already have marks there take the upsert. <see cref="CopiedDirectly"/>: every row was
/// copied straight in (see <see cref="AttendanceDirectCopy"/>), every child counts as new and none was probed.</summary>
public sealed record AttendanceMergeOutcome(long MarksChanged, int NewChildren, int ChildrenWithMarks, bool Deduplicated, bool CopiedDirectly = false);

/// <summary>
/// Moves the staged feed into <c>attendance_marks</c> with set-based statements chosen by what the feed holds.
/// An upsert (INSERT … ON CONFLICT) probes the primary key twice per row and takes a speculative-insertion path;
/// for a child with no marks yet in the feed's date range no row can conflict, so those rows take a plain insert,
/// which costs about two thirds as much. Only children whose range already holds marks (a re-sent or overlapping
/// feed, a correction) go through the upsert. The sort that keeps the last line for each session runs only when some
/// child's lines come in more than one run (see <see cref="AttendanceStaging"/>): otherwise no session repeats.
/// </summary>
public static class AttendanceMarksMerge
{
    /// <summary>One row per child in the feed: first and last date, whether marks existed there, whether lines repeat.</summary>
    public const string ChildrenTable = "attendance_feed_children";
    private const string Children = ChildrenTable;

    public static async Task<AttendanceMergeOutcome> MergeAsync(
        NpgsqlConnection connection, string agency, DateTimeOffset now, CancellationToken ct)
    {
        // The "no marks yet" test below must still hold when the plain insert runs (see AttendanceLocks).
        await AttendanceSql.ExecuteAsync(connection, AttendanceLocks.Merge, ct);

        // One index probe per child, not per mark.
        await AttendanceSql.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE {Children} ON COMMIT DROP AS
            SELECT c.child_key, c.first_date, c.last_date, c.repeats,
                   EXISTS (SELECT 1 FROM {VirtualSchoolDbContext.MarksTable} m
                           WHERE m.child_key = c.child_key AND m.date BETWEEN c.first_date AND c.last_date) AS has_marks
            FROM (SELECT child_key, min(date) AS first_date, max(date) AS last_date, min(run) <> max(run) AS repeats
                  FROM {AttendanceStaging.Table} GROUP BY child_key) c
            """, ct);
        int children, withMarks;
        bool deduplicate;
        await using (var count = new NpgsqlCommand(
            $"SELECT count(*)::int, count(*) FILTER (WHERE has_marks)::int, coalesce(bool_or(repeats), false) FROM {Children}", connection))
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (children, withMarks, deduplicate) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetBoolean(2));
        }

        long changed = 0;
        if (withMarks < children)
        {
            changed += await InsertAsync(connection, agency, now, deduplicate, upsert: false,
                withMarks == 0 ? "" : $"WHERE s.child_key IN (SELECT child_key FROM {Children} WHERE NOT has_marks)", ct);
        }
        if (withMarks > 0)
        {
            changed += await InsertAsync(connection, agency, now, deduplicate, upsert: true,
                withMarks == children ? "" : $"WHERE s.child_key IN (SELECT child_key FROM {Children} WHERE has_marks)", ct);
        }
        return new AttendanceMergeOutcome(changed, children - withMarks, withMarks, deduplicate);
    }

    /// <summary>
    /// DISTINCT ON keeps the last line for each session (ON CONFLICT cannot touch a row twice in one statement); the
    /// upsert (<see cref="AttendanceSql.ReplaceStoredMark"/>) leaves identical re-sent marks untouched, so the count is
    /// of marks that really changed.
    /// </summary>
    private static async Task<long> InsertAsync(
        NpgsqlConnection connection, string agency, DateTimeOffset now, bool deduplicate, bool upsert, string filter, CancellationToken ct)
    {
        var marks = VirtualSchoolDbContext.MarksTable;
        var (distinct, order) = deduplicate
            ? ("DISTINCT ON (s.child_key, s.date, s.session)", "ORDER BY s.child_key, s.date, s.session, s.row_no DESC")
            : ("", "");
        var conflict = upsert ? AttendanceSql.ReplaceStoredMark : "";
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {marks} ({AttendanceSql.MarkColumns})
            SELECT {distinct} s.child_key, s.date, s.session, s.mark, s.category, @agency, @now
            FROM {AttendanceStaging.Table} s
            {filter}
            {order}
            {conflict}
            """, connection) { CommandTimeout = AttendanceSql.BulkCommandTimeoutSeconds };
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
