using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.Contracts.VirtualSchool.V1;
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
        // EF's transaction, so its commit wakes the outbox dispatcher.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var summary = await ApplyAsync((NpgsqlConnection)db.Database.GetDbConnection(), row, agency, now, ct);
        db.AddIntegrationEvent(summary, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The mark and its week's new counts, in the caller's open transaction; the caller stages the summary. Public for
    /// the bench's in-process baseline, which makes these writes without the outbox.
    /// </summary>
    public static async Task<AttendanceWeekSummarised> ApplyAsync(
        NpgsqlConnection connection, AttendanceRow row, string agency, DateTimeOffset now, CancellationToken ct)
    {
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
        return week.ToEvent(agency, now);
    }
}
