using Npgsql;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>What the attendance feed's steps share when they talk to PostgreSQL directly.</summary>
internal static class AttendanceSql
{
    /// <summary>A national feed's merge or summary statement can run for minutes, beyond Npgsql's 30 s default.</summary>
    public const int BulkCommandTimeoutSeconds = 600;

    /// <summary>The marks table's columns, in the order every write of a mark names them.</summary>
    public const string MarkColumns = "child_key, date, session, mark, category, submitted_by_agency, recorded_at";

    /// <summary>
    /// How a mark already stored for its child, date and session is replaced, by a staged merge or a correction: the
    /// WHERE leaves an identical re-sent mark untouched, so it is not counted as changed and keeps when it was recorded.
    /// </summary>
    public const string ReplaceStoredMark = $"""
        ON CONFLICT (child_key, date, session) DO UPDATE
        SET mark = excluded.mark, category = excluded.category,
            submitted_by_agency = excluded.submitted_by_agency, recorded_at = excluded.recorded_at
        WHERE {VirtualSchoolDbContext.MarksTable}.mark IS DISTINCT FROM excluded.mark
        """;

    /// <summary>The session as the marks and staging tables store it.</summary>
    public static string SessionCode(AttendanceSession session) => session == AttendanceSession.AM ? "AM" : "PM";

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BulkCommandTimeoutSeconds };
        await command.ExecuteNonQueryAsync(ct);
    }
}
