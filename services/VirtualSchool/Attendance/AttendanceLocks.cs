using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Transaction-level advisory locks that order feeds writing <c>attendance_marks</c>, held until commit.
/// A staged merge decides per child whether any of its rows can conflict and then inserts without checking, so no
/// other feed may write marks between that decision and its commit: it takes <see cref="Merge"/> exclusively.
/// Feeds copied straight into the table take it shared, so they run side by side and only wait for (and hold off) a
/// staged merge; a key conflict between two of them is caught by the primary key and sends the later one to the
/// staged path. Two copied feeds can still write different sessions of one child-week at once, so each takes
/// <see cref="Summaries"/> before counting weeks: the later one then counts the earlier one's committed marks.
/// </summary>
public static class AttendanceLocks
{
    private const string Key = $"'{VirtualSchoolDbContext.MarksTable}'::regclass::oid::bigint";

    public const string Merge = $"SELECT pg_advisory_xact_lock({Key})";

    public const string CopyShared = $"SELECT pg_advisory_xact_lock_shared({Key})";

    public const string Summaries = $"SELECT pg_advisory_xact_lock(-({Key}))";
}
