using Npgsql;
using Partnership.Contracts.VirtualSchool.V1;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

public sealed record WeekTotals(string ChildKey, DateOnly WeekStarting, int Possible, int Authorised, int Unauthorised);

/// <summary>
/// Re-counts every child-week the staged feed touched from all its stored marks (not just the feed's), so a summary
/// is always the whole week as it now stands. Weeks start on Monday (ISO day 1).
///
/// Each child's stored marks are read with one index range scan over the weeks its feed lines span and counted per
/// week. For a child who had no marks in that span before the merge, every week with marks in it is one the feed
/// touched (the only other marks there lie before its first or after its last line, in weeks the feed touched too),
/// so nothing more is needed. For a child who had marks there, some weeks may hold only older marks, so the weeks are
/// matched against those the feed's lines fall in. A range scan per child instead of one per child-week makes this a
/// third of the cost for a large feed. A feed copied straight into the table (<see cref="AttendanceDirectCopy"/>) has
/// no staged rows to match against; its weeks are those holding a mark its own transaction wrote.
/// </summary>
public static class WeeklyAttendanceSummaries
{
    private const string Cursor = "attendance_touched_weeks";

    /// <summary>
    /// Reads the weeks through a server-side cursor in batches and hands each batch over before fetching the next, so
    /// the handler can use the same connection (to write the outbox) and memory stays flat whatever the feed's size:
    /// a year for a large authority is hundreds of thousands of child-weeks. Returns how many weeks there were.
    /// </summary>
    public static async Task<int> ForEachBatchAsync(
        NpgsqlConnection connection, AttendanceMergeOutcome merge, int batchSize, Func<IReadOnlyList<WeekTotals>, Task> handle, CancellationToken ct)
    {
        var children = AttendanceMarksMerge.ChildrenTable;
        string PerChild(string which, string having = "") => $"""
            SELECT c.child_key, w.week_starting, w.possible, w.authorised, w.unauthorised
            FROM {children} c
            CROSS JOIN LATERAL (
                SELECT {WeekOf("m.date")} AS week_starting, {Counts}
                FROM {VirtualSchoolDbContext.MarksTable} m
                WHERE m.child_key = c.child_key AND m.date >= {WeekOf("c.first_date")} AND m.date < {WeekOf("c.last_date")} + 7
                GROUP BY 1 {having}) w
            WHERE {which}
            """;
        var parts = new List<string>();
        if (merge.CopiedDirectly)
        {
            // Every line of the feed inserted a mark in this transaction and nothing else did, so the weeks the feed's
            // lines fall in are those holding a row this transaction wrote (no subtransaction: xmin is its own xid).
            parts.Add(PerChild("true", "HAVING bool_or(m.xmin = pg_current_xact_id()::xid)"));
        }
        else if (merge.NewChildren > 0)
        {
            parts.Add(PerChild("NOT c.has_marks"));
        }
        if (!merge.CopiedDirectly && merge.ChildrenWithMarks > 0)
        {
            parts.Add($"""
                SELECT w.* FROM ({PerChild("c.has_marks")}) w
                JOIN (SELECT DISTINCT child_key, {WeekOf("date")} AS week_starting FROM {AttendanceStaging.Table}) t
                  ON t.child_key = w.child_key AND t.week_starting = w.week_starting
                """);
        }

        await using (var declare = new NpgsqlCommand(
            $"DECLARE {Cursor} NO SCROLL CURSOR FOR {string.Join(" UNION ALL ", parts)}", connection))
        {
            AddCategories(declare);
            await declare.ExecuteNonQueryAsync(ct);
        }

        var total = 0;
        var batch = new List<WeekTotals>(batchSize);
        await using var fetch = new NpgsqlCommand($"FETCH FORWARD {batchSize} FROM {Cursor}", connection) { CommandTimeout = AttendanceSql.BulkCommandTimeoutSeconds };
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

    /// <summary>The Monday of a date's school week: what summaries, and the board's weekly facts, are keyed by.</summary>
    public static DateOnly WeekStarting(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>One child's week as it now stands, counted as a feed's summaries count it: for a single mark's correction.</summary>
    public static async Task<WeekTotals> ForWeekAsync(NpgsqlConnection connection, string childKey, DateOnly date, CancellationToken ct)
    {
        var week = WeekStarting(date);
        await using var command = new NpgsqlCommand(
            $"SELECT {Counts} FROM {VirtualSchoolDbContext.MarksTable} m WHERE m.child_key = @child AND m.date >= @week AND m.date < @next",
            connection);
        command.Parameters.AddWithValue("child", childKey);
        command.Parameters.AddWithValue("week", week);
        command.Parameters.AddWithValue("next", week.AddDays(7));
        AddCategories(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new WeekTotals(childKey, week, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>What a summary counts: sessions the child could attend, and the absences among them by kind.</summary>
    private const string Counts = """
        count(*) FILTER (WHERE m.category <> @notPossible)::int AS possible,
        count(*) FILTER (WHERE m.category = @authorised)::int AS authorised,
        count(*) FILTER (WHERE m.category = @unauthorised)::int AS unauthorised
        """;

    private static void AddCategories(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("notPossible", (short)AttendanceCategory.NotPossible);
        command.Parameters.AddWithValue("authorised", (short)AttendanceCategory.AuthorisedAbsence);
        command.Parameters.AddWithValue("unauthorised", (short)AttendanceCategory.UnauthorisedAbsence);
    }

    /// <summary>The event a summary is published as, from a feed or from a correction.</summary>
    public static AttendanceWeekSummarised ToEvent(this WeekTotals week, string agency, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = now,
        SourceAgency = agency,
        ChildKey = week.ChildKey,
        WeekStarting = week.WeekStarting,
        PossibleSessions = week.Possible,
        AuthorisedAbsences = week.Authorised,
        UnauthorisedAbsences = week.Unauthorised,
    };

    private static string WeekOf(string date) => $"({date} - (extract(isodow FROM {date})::int - 1))";
}
