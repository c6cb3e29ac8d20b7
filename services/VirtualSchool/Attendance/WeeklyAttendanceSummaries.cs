using Npgsql;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

public sealed record WeekTotals(string ChildKey, DateOnly WeekStarting, int Possible, int Authorised, int Unauthorised);

/// <summary>
/// Re-counts every child-week the staged feed touched from all its stored marks (not just the feed's), so a summary
/// is always the whole week as it now stands. Weeks start on Monday (ISO day 1).
/// </summary>
public static class WeeklyAttendanceSummaries
{
    private const string Cursor = "attendance_touched_weeks";
    private const int BulkCommandTimeoutSeconds = 600;

    /// <summary>
    /// Reads the weeks through a server-side cursor in batches and hands each batch over before fetching the next, so
    /// the handler can use the same connection (to write the outbox) and memory stays flat whatever the feed's size:
    /// a year for a large authority is hundreds of thousands of child-weeks. Returns how many weeks there were.
    /// </summary>
    public static async Task<int> ForEachBatchAsync(
        NpgsqlConnection connection, int batchSize, Func<IReadOnlyList<WeekTotals>, Task> handle, CancellationToken ct)
    {
        await using (var declare = new NpgsqlCommand($"""
            DECLARE {Cursor} NO SCROLL CURSOR FOR
            WITH touched AS (
                SELECT DISTINCT child_key, date - (extract(isodow FROM date)::int - 1) AS week_starting FROM {AttendanceStaging.Table})
            SELECT t.child_key, t.week_starting,
                   count(*) FILTER (WHERE m.category <> @notPossible)::int,
                   count(*) FILTER (WHERE m.category = @authorised)::int,
                   count(*) FILTER (WHERE m.category = @unauthorised)::int
            FROM touched t
            JOIN {VirtualSchoolDbContext.MarksTable} m
              ON m.child_key = t.child_key AND m.date >= t.week_starting AND m.date < t.week_starting + 7
            GROUP BY t.child_key, t.week_starting
            ORDER BY t.child_key, t.week_starting
            """, connection))
        {
            declare.Parameters.AddWithValue("notPossible", (short)AttendanceCategory.NotPossible);
            declare.Parameters.AddWithValue("authorised", (short)AttendanceCategory.AuthorisedAbsence);
            declare.Parameters.AddWithValue("unauthorised", (short)AttendanceCategory.UnauthorisedAbsence);
            await declare.ExecuteNonQueryAsync(ct);
        }

        var total = 0;
        var batch = new List<WeekTotals>(batchSize);
        await using var fetch = new NpgsqlCommand($"FETCH FORWARD {batchSize} FROM {Cursor}", connection) { CommandTimeout = BulkCommandTimeoutSeconds };
        while (true)
        {
            batch.Clear();
            await using (var reader = await fetch.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    batch.Add(new WeekTotals(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
                }
            }
            if (batch.Count == 0)
            {
                break;
            }
            total += batch.Count;
            await handle(batch);
        }
        await using (var close = new NpgsqlCommand($"CLOSE {Cursor}", connection))
        {
            await close.ExecuteNonQueryAsync(ct);
        }
        return total;
    }
}
