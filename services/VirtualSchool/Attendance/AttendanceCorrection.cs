using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.ServiceDefaults.Outbox;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// One mark from the correction endpoint, in one short transaction with no COPY, temporary table or cursor. It
/// follows the feed's rules: the caller validated the mark with <see cref="AttendanceRowParser"/>, the upsert is the
/// staged merge's (a re-sent identical mark changes nothing), the locks are a copied feed's (the feed lock shared,
/// then the child's summary bucket), and the week is counted by <see cref="WeeklyAttendanceSummaries"/>. Through the
/// feed path a single mark cost about 3 ms of PostgreSQL CPU, mostly setting up for a feed of any size.
/// </summary>
public static class AttendanceCorrection
{
    public static async Task RecordAsync(
        VirtualSchoolDbContext db, AttendanceRow row, string agency, DateTimeOffset now, TimeProvider clock, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // EF's transaction, so its commit wakes the outbox dispatcher.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AttendanceSql.ExecuteAsync(connection, AttendanceLocks.CopyShared, ct);
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO {VirtualSchoolDbContext.MarksTable} ({AttendanceSql.MarkColumns})
            VALUES (@child, @date, @session, @mark, @category, @agency, @now)
            {AttendanceSql.ReplaceStoredMark}
            """, connection))
        {
            upsert.Parameters.AddWithValue("child", row.ChildKey);
            upsert.Parameters.AddWithValue("date", row.Date);
            upsert.Parameters.AddWithValue("session", AttendanceSql.SessionCode(row.Session));
            upsert.Parameters.AddWithValue("mark", row.Mark);
            upsert.Parameters.AddWithValue("category", (short)row.Category);
            upsert.Parameters.AddWithValue("agency", agency);
            upsert.Parameters.AddWithValue("now", now);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        // Counted after the bucket lock is granted, so a correction of the same child-week that committed meanwhile is
        // counted; the summary is staged under the lock, so the outbox holds the counts in the order they were made.
        await AttendanceLocks.LockSummariesAsync(connection, [row.ChildKey], ct);
        var week = await WeeklyAttendanceSummaries.ForWeekAsync(connection, row.ChildKey, row.Date, ct);
        db.AddIntegrationEvent(week.ToEvent(agency, now), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
