using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Partnership.Bench.Board;

/// <summary>
/// Deterministic synthetic board facts written straight into the board's tables by binary COPY: ~100 facts per child
/// over five financial years in the mix the consumers produce (attendance weeks dominate). The board keeps no local
/// authority column, so national scale is simply more synthetic pseudonyms. Secondary indexes are dropped for the
/// load and rebuilt from their own definitions afterwards, so the schema the queries meet is the board's own. The load
/// is one transaction that also empties the board's stored results, so the board sees every fact arrive at once (its
/// triggers note the change) and the first call after the load is a first computation, not a stale stored answer;
/// VACUUM afterwards does what autovacuum would soon do after a bulk load (statistics, the visibility map that lets
/// the covering indexes answer alone).
/// </summary>
public static class BoardFactLoader
{
    private static readonly (string Kind, double PerChild)[] Mix =
    [
        ("CareEntered", 1), ("PlacementChanged", 2), ("LegalStatusChanged", 1), ("CareCeased", 0.3), ("BecameCareLeaver", 0.2),
        ("ReviewHeld", 8), ("Adoption", 0.05), ("AttendanceWeek", 60), ("Sdq", 3), ("DentalCheck", 3), ("Immunisation", 2),
        ("GpRegistration", 2), ("Camhs", 2), ("SubstanceMisuse", 0.2), ("MissingStarted", 3), ("MissingEnded", 3),
        ("ReturnInterview", 3), ("Exclusion", 0.3), ("PepCompleted", 4), ("SchoolMove", 0.5), ("Neet", 1), ("OffenceOutcome", 0.3),
        ("CareLeaverContact", 2), ("CareLeaverActivity", 1), ("CareLeaverAccommodation", 1), ("StayingPut", 0.2), ("PathwayPlan", 1),
        ("PersonalAdviser", 0.3),
    ];
    private static readonly string[] Codes = ["C2", "J1", "E1", "V2", "U1", "U3", "R1", "PN1", "F1", "EET", "NEET", "YES"];
    private static readonly DateOnly First = new(2021, 4, 1);
    private const int Days = 2060;

    public sealed record Loaded(long Facts, long Assessments, double CopySeconds, double IndexSeconds);

    /// <summary>
    /// The board keeps working during the load: its refresher may hold a table the TRUNCATE needs while waiting for one
    /// the TRUNCATE holds, and PostgreSQL then aborts one of the two. The load is one transaction, so it simply runs again.
    /// </summary>
    public static async Task<Loaded> LoadAsync(string connectionString, int children, int seed)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(connectionString, children, seed);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private static async Task<Loaded> LoadOnceAsync(string connectionString, int children, int seed)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "TRUNCATE child_facts, health_assessment_facts, measure_results");
        var indexes = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.tablename IN ('child_facts', 'health_assessment_facts')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(1));
                indexes.Add(reader.GetString(0));
            }
        }
        for (var i = 1; i < indexes.Count; i += 2)
        {
            await Execute(connection, $"DROP INDEX \"{indexes[i]}\"");
        }

        var stopwatch = Stopwatch.StartNew();
        var random = new Random(seed);
        long facts = 0, assessments = 0;
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY child_facts (kind, key, child, on_date, other_date, code, code2, code3, flag, flag2, flag3, number, number2, number3, import_id, source_event_id, occurred_at, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var child = 0; child < children; child++)
            {
                var pseudonym = Pseudonym(child);
                foreach (var (kind, perChild) in Mix)
                {
                    var count = (int)perChild + (random.NextDouble() < perChild - (int)perChild ? 1 : 0);
                    var weekStart = First.AddDays(random.Next(Days - 7 * count));
                    for (var n = 0; n < count; n++)
                    {
                        var on = kind == "AttendanceWeek" ? weekStart.AddDays(7 * n) : First.AddDays(random.Next(Days));
                        await copy.StartRowAsync();
                        await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
                        await copy.WriteAsync($"{pseudonym}|{on:yyyy-MM-dd}|{n}", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(pseudonym, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(on, NpgsqlDbType.Date);
                        await copy.WriteAsync(on.AddDays(random.Next(-30, 30)), NpgsqlDbType.Date);
                        await copy.WriteAsync(Codes[random.Next(Codes.Length)], NpgsqlDbType.Varchar);
                        await copy.WriteAsync(Codes[random.Next(Codes.Length)], NpgsqlDbType.Varchar);
                        await copy.WriteNullAsync();
                        await copy.WriteAsync(random.Next(2) == 0, NpgsqlDbType.Boolean);
                        await copy.WriteAsync(random.Next(2) == 0, NpgsqlDbType.Boolean);
                        await copy.WriteAsync(random.Next(4) == 0, NpgsqlDbType.Boolean);
                        // Attendance weeks must be internally consistent (absences within the possible sessions),
                        // or the board's proportions are impossible; elsewhere Number is a small code (stage, type).
                        var week = kind == "AttendanceWeek";
                        await copy.WriteAsync(week ? 10 : random.Next(1, 4), NpgsqlDbType.Integer);
                        await copy.WriteAsync(week ? random.Next(0, 3) : random.Next(0, 21), NpgsqlDbType.Integer);
                        await copy.WriteAsync(week ? random.Next(0, 2) : random.Next(0, 5), NpgsqlDbType.Integer);
                        await copy.WriteNullAsync();
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        facts++;
                    }
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY health_assessment_facts ("AssessmentId", "ChildPseudonym", "AssessmentType", "DueDate", "CompletedOn", "WithinTimescale", "WishesAndFeelingsRecorded", "SourceEventId", "OccurredAt", "ReceivedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var child = 0; child < children; child++)
            {
                for (var n = 0; n < 2; n++)
                {
                    var due = First.AddDays(random.Next(Days));
                    var completed = due.AddDays(random.Next(-20, 25));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Pseudonym(child), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(n == 0 ? "Initial" : "Review", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(due, NpgsqlDbType.Date);
                    await copy.WriteAsync(completed, NpgsqlDbType.Date);
                    await copy.WriteAsync(completed <= due, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(random.Next(2) == 0, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    assessments++;
                }
            }
            await copy.CompleteAsync();
        }
        var copySeconds = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        for (var i = 0; i < indexes.Count; i += 2)
        {
            await Execute(connection, indexes[i]);
        }
        await transaction.CommitAsync();
        await Execute(connection, "VACUUM (ANALYZE) child_facts");
        await Execute(connection, "VACUUM (ANALYZE) health_assessment_facts");
        return new Loaded(facts, assessments, copySeconds, stopwatch.Elapsed.TotalSeconds);
    }

    private static string Pseudonym(int child) => child.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }
}
