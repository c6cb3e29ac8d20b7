using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

public sealed record AttendanceFeedAccepted(long RowsReceived, long MarksChanged, int ChildWeeksSummarised);

public sealed record AttendanceFeedRejected(long RowsReceived, long InvalidRows, IReadOnlyList<AttendanceRowError> Errors);

/// <summary>
/// Stores a feed of session marks in one transaction: rows stream from the reader straight into a temporary staging
/// table by binary COPY (memory stays flat whatever the feed size), are upserted into the marks table in one
/// statement, and every child-week the feed touches is re-summarised into the outbox before the commit.
///
/// Policy for bad rows: the feed is all or nothing. If any row is invalid nothing is stored and no event is written;
/// the answer lists the first <see cref="MaxReportedErrors"/> errors (line, field, message) and how many rows were
/// invalid, so the sender fixes the extract and re-sends the whole feed (re-sending is always safe: a mark for the
/// same child, date and session replaces the earlier one, and within one feed the last line for a session wins).
/// </summary>
public sealed partial class AttendanceFeedImporter(VirtualSchoolDbContext db, TimeProvider clock, ILogger<AttendanceFeedImporter> logger)
{
    public const int MaxReportedErrors = 100;
    private const int BulkCommandTimeoutSeconds = 600;
    private const string Staging = "attendance_staging";

    public async Task<(AttendanceFeedAccepted? Accepted, AttendanceFeedRejected? Rejected)> ImportAsync(
        IAsyncEnumerable<AttendanceFeedLine> lines, string agency, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExecuteAsync(connection,
            $"CREATE TEMP TABLE {Staging} (row_no bigint NOT NULL, child_key text NOT NULL, date date NOT NULL, session text NOT NULL, mark text NOT NULL, category smallint NOT NULL) ON COMMIT DROP",
            ct);

        var errors = new List<AttendanceRowError>();
        var rowErrors = new List<AttendanceRowError>();
        long received = 0, invalid = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Staging} (row_no, child_key, date, session, mark, category) FROM STDIN (FORMAT BINARY)", ct))
        {
            await foreach (var line in lines.WithCancellation(ct))
            {
                received++;
                rowErrors.Clear();
                if (!AttendanceRowParser.TryParse(line, today, rowErrors, out var row))
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
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Row, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.ChildKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(row.Session.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Mark, NpgsqlDbType.Text, ct);
                await copy.WriteAsync((short)row.Category, NpgsqlDbType.Smallint, ct);
            }
            if (invalid == 0 && received > 0)
            {
                await copy.CompleteAsync(ct);
            }
        }

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

        var occurredAt = clock.GetUtcNow();
        var changed = await UpsertMarksAsync(connection, agency, occurredAt, ct);
        var weeks = await SummariseTouchedWeeksAsync(connection, ct);
        await db.AddIntegrationEventsAsync(weeks.Select(w => new AttendanceWeekSummarised
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = occurredAt,
            SourceAgency = agency,
            ChildKey = w.ChildKey,
            WeekStarting = w.WeekStarting,
            PossibleSessions = w.Possible,
            AuthorisedAbsences = w.Authorised,
            UnauthorisedAbsences = w.Unauthorised,
        }), clock, ct);
        await transaction.CommitAsync(ct);

        LogStored(received, changed, weeks.Count);
        return (new AttendanceFeedAccepted(received, changed, weeks.Count), null);
    }

    /// <summary>
    /// DISTINCT ON keeps the last line for each session (ON CONFLICT cannot touch a row twice in one statement); the
    /// WHERE leaves identical re-sent marks untouched, so the count is of marks that really changed.
    /// </summary>
    private static async Task<long> UpsertMarksAsync(NpgsqlConnection connection, string agency, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {VirtualSchoolDbContext.MarksTable} (child_key, date, session, mark, category, submitted_by_agency, recorded_at)
            SELECT DISTINCT ON (child_key, date, session) child_key, date, session, mark, category, @agency, @now
            FROM {Staging}
            ORDER BY child_key, date, session, row_no DESC
            ON CONFLICT (child_key, date, session) DO UPDATE
            SET mark = excluded.mark, category = excluded.category,
                submitted_by_agency = excluded.submitted_by_agency, recorded_at = excluded.recorded_at
            WHERE {VirtualSchoolDbContext.MarksTable}.mark IS DISTINCT FROM excluded.mark
            """, connection) { CommandTimeout = BulkCommandTimeoutSeconds };
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record WeekTotals(string ChildKey, DateOnly WeekStarting, int Possible, int Authorised, int Unauthorised);

    /// <summary>
    /// Re-counts every child-week the feed touched from all its stored marks (not just the feed's), so a summary is
    /// always the whole week as it now stands. Weeks start on Monday (ISO day 1).
    /// </summary>
    private static async Task<List<WeekTotals>> SummariseTouchedWeeksAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            WITH touched AS (
                SELECT DISTINCT child_key, date - (extract(isodow FROM date)::int - 1) AS week_starting FROM {Staging})
            SELECT t.child_key, t.week_starting,
                   count(*) FILTER (WHERE m.category <> @notPossible)::int,
                   count(*) FILTER (WHERE m.category = @authorised)::int,
                   count(*) FILTER (WHERE m.category = @unauthorised)::int
            FROM touched t
            JOIN {VirtualSchoolDbContext.MarksTable} m
              ON m.child_key = t.child_key AND m.date >= t.week_starting AND m.date < t.week_starting + 7
            GROUP BY t.child_key, t.week_starting
            ORDER BY t.child_key, t.week_starting
            """, connection) { CommandTimeout = BulkCommandTimeoutSeconds };
        command.Parameters.AddWithValue("notPossible", (short)AttendanceCategory.NotPossible);
        command.Parameters.AddWithValue("authorised", (short)AttendanceCategory.AuthorisedAbsence);
        command.Parameters.AddWithValue("unauthorised", (short)AttendanceCategory.UnauthorisedAbsence);

        // One row per child-week, not per mark: ~550 children × the weeks in the feed.
        var weeks = new List<WeekTotals>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            weeks.Add(new WeekTotals(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }
        return weeks;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attendance feed stored: {Rows} rows, {Changed} marks changed, {Weeks} child-weeks summarised")]
    private partial void LogStored(long rows, long changed, int weeks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attendance feed rejected: {Rows} rows, {Invalid} invalid; nothing stored")]
    private partial void LogRejected(long rows, long invalid);
}
