using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Partnership.ServiceDefaults.Outbox;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Attendance;

public sealed record AttendanceFeedAccepted(long RowsReceived, long MarksChanged, int ChildWeeksSummarised);

public sealed record AttendanceFeedRejected(long RowsReceived, long InvalidRows, IReadOnlyList<AttendanceRowError> Errors);

/// <summary>
/// Stores a feed of session marks in one transaction, streaming (memory stays flat whatever the feed size). Rows go
/// straight into the marks table by binary COPY (<see cref="AttendanceDirectCopy"/>), which succeeds for a first load
/// of the feed's dates; if any row's session is stored already or repeats in the feed, the transaction is rolled back
/// and the feed, kept in an <see cref="AttendanceSpool"/> meanwhile, is staged in a temporary table and merged by
/// set-based statements (<see cref="AttendanceMarksMerge"/>). Either way every child-week the feed touches is then
/// re-summarised into the outbox, in batches, before the commit.
///
/// Policy for bad rows: the feed is all or nothing. If any row is invalid nothing is stored and no event is written;
/// the answer lists the first <see cref="MaxReportedErrors"/> errors (line, field, message) and how many rows were
/// invalid, so the sender fixes the extract and re-sends the whole feed (re-sending is always safe: a mark for the
/// same child, date and session replaces the earlier one, and within one feed the last line for a session wins).
/// </summary>
public sealed partial class AttendanceFeedImporter(VirtualSchoolDbContext db, TimeProvider clock, ILogger<AttendanceFeedImporter> logger)
{
    public const int MaxReportedErrors = 100;

    /// <summary>Child-weeks per outbox COPY: bounds the memory the summaries take, whatever the feed's size.</summary>
    public const int SummaryBatchSize = 5_000;

    private const string WorkMem = "64MB";

    public async Task<(AttendanceFeedAccepted? Accepted, AttendanceFeedRejected? Rejected)> ImportAsync(
        IAsyncEnumerable<AttendanceFeedLine> lines, string agency, CancellationToken ct)
    {
        var timer = new FeedStageTimer();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = await BeginAsync(connection, ct);
        try
        {
            using var spool = AttendanceSpool.Create();
            var errors = new List<AttendanceRowError>();
            var rowErrors = new List<AttendanceRowError>();
            long received = 0, invalid = 0;
            AttendanceMergeOutcome? merge = null;
            await using (var direct = await AttendanceDirectCopy.BeginAsync(connection, agency, now, ct))
            {
                await foreach (var line in lines.WithCancellation(ct))
                {
                    received++;
                    rowErrors.Clear();
                    if (!AttendanceRowParser.TryParse(line, today, rowErrors, out var row, spool.LastChildKey))
                    {
                        invalid++;
                        errors.AddRange(rowErrors.Take(MaxReportedErrors - errors.Count));
                        continue;
                    }
                    if (invalid > 0)
                    {
                        // The feed is already rejected; keep reading only to report its other errors.
                        continue;
                    }
                    spool.Write(row);
                    await direct.WriteAsync(row, ct);
                }
                if (invalid == 0 && received > 0)
                {
                    merge = await direct.CompleteAsync(ct);
                }
            }
            timer.Mark("stream and copy");

            if (invalid > 0 || received == 0)
            {
                await transaction.RollbackAsync(ct);
                if (received == 0)
                {
                    errors.Add(new AttendanceRowError(0, "body", "The feed has no rows."));
                }
                LogRejected(received, invalid);
                return (null, new AttendanceFeedRejected(received, invalid, errors));
            }

            if (merge is null)
            {
                await transaction.RollbackAsync(ct);
                await transaction.DisposeAsync();
                transaction = await BeginAsync(connection, ct);
                merge = await StageAndMergeAsync(connection, spool, agency, now, ct);
                timer.Mark("stage and merge");
            }

            var weeks = await WeeklyAttendanceSummaries.ForEachBatchAsync(connection, merge, SummaryBatchSize, batch =>
                db.AddIntegrationEventsAsync(batch.Select(w => w.ToEvent(agency, now)), clock, ct), ct);
            timer.Mark("summaries to outbox");
            await transaction.CommitAsync(ct);
            timer.Mark("commit");

            LogStored(received, merge.MarksChanged, weeks);
            LogStages(received, merge.CopiedDirectly, merge.NewChildren, merge.ChildrenWithMarks, merge.Deduplicated, timer);
            return (new AttendanceFeedAccepted(received, merge.MarksChanged, weeks), null);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task<IDbContextTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        // The merge's de-duplicating sort and the summaries' week matching hash a large feed's rows; the 4 MB default
        // sends them to temporary files. Only for this transaction.
        await using var memory = new NpgsqlCommand($"SET LOCAL work_mem = '{WorkMem}'", connection);
        await memory.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    private static async Task<AttendanceMergeOutcome> StageAndMergeAsync(
        NpgsqlConnection connection, AttendanceSpool spool, string agency, DateTimeOffset now, CancellationToken ct)
    {
        await using (var staging = await AttendanceStaging.BeginAsync(connection, ct))
        {
            foreach (var row in spool.Read())
            {
                await staging.WriteAsync(row, ct);
            }
            await staging.CompleteAsync(ct);
        }
        return await AttendanceMarksMerge.MergeAsync(connection, agency, now, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attendance feed stored: {Rows} rows, {Changed} marks changed, {Weeks} child-weeks summarised")]
    private partial void LogStored(long rows, long changed, int weeks);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attendance feed of {Rows} rows (copied directly: {CopiedDirectly}; else {NewChildren} children new to their date range, {ChildrenWithMarks} with marks there, de-duplicated: {Deduplicated}): {Stages}")]
    private partial void LogStages(long rows, bool copiedDirectly, int newChildren, int childrenWithMarks, bool deduplicated, FeedStageTimer stages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attendance feed rejected: {Rows} rows, {Invalid} invalid; nothing stored")]
    private partial void LogRejected(long rows, long invalid);
}
