using Npgsql;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>What the attendance feed's steps share when they talk to PostgreSQL directly.</summary>
internal static class AttendanceSql
{
    /// <summary>A national feed's merge or summary statement can run for minutes, beyond Npgsql's 30 s default.</summary>
    public const int BulkCommandTimeoutSeconds = 600;

    /// <summary>The session as the marks and staging tables store it.</summary>
    public static string SessionCode(AttendanceSession session) => session == AttendanceSession.AM ? "AM" : "PM";

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BulkCommandTimeoutSeconds };
        await command.ExecuteNonQueryAsync(ct);
    }
}
