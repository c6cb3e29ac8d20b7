using Npgsql;

namespace Partnership.Faults.Tests.Accounting;

/// <summary>What the two databases hold for one scenario's events at one moment.</summary>
public sealed record Tally(IReadOnlySet<Guid> Committed, IReadOnlySet<Guid> Counted, int Applications, long UnsentOutbox)
{
    public static readonly Tally Empty = new(new HashSet<Guid>(), new HashSet<Guid>(), 0, -1);

    /// <summary>Every committed assessment is a board fact, and the outbox has nothing left to send.</summary>
    public bool Converged => Counted.SetEquals(Committed) && UnsentOutbox == 0;
}

/// <summary>
/// Reads the health database (what was committed) and the board database (what was counted) directly. Connections are
/// unpooled so a restarted PostgreSQL never hands the suite a dead pooled connection.
/// </summary>
public sealed class Ledger(string healthDb, string boardDb)
{
    private readonly string _health = Unpooled(healthDb);
    private readonly string _board = Unpooled(boardDb);

    /// <summary>
    /// A test-owned audit trigger on the board's fact table: one row per insert or update the consumer commits. A fact
    /// applied twice (for instance if the inbox let a redelivery through) shows as two applications of one assessment,
    /// which the fact table itself, keyed by assessment, would hide.
    /// </summary>
    public async Task InstallApplicationAuditAsync()
    {
        await ExecuteAsync(_board, $"""
            CREATE TABLE IF NOT EXISTS faults_applications (assessment_id uuid NOT NULL, operation text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE OR REPLACE FUNCTION faults_record_application() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO faults_applications (assessment_id, operation) VALUES (NEW.{BoardFacts.AssessmentIdColumn}, TG_OP);
              RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS faults_record_application ON {BoardFacts.Table};
            CREATE TRIGGER faults_record_application AFTER INSERT OR UPDATE ON {BoardFacts.Table}
              FOR EACH ROW EXECUTE FUNCTION faults_record_application();
            """);
    }

    /// <summary>Makes every write of a board fact fail, as a full disk or a broken migration would, until removed.</summary>
    public Task BreakBoardFactWritesAsync() => ExecuteAsync(_board, $"""
        CREATE OR REPLACE FUNCTION faults_reject_fact() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{BoardFacts.InjectedFailure}'; END $$;
        CREATE TRIGGER faults_reject_fact BEFORE INSERT OR UPDATE ON {BoardFacts.Table}
          FOR EACH ROW EXECUTE FUNCTION faults_reject_fact();
        """);

    public Task RepairBoardFactWritesAsync() => ExecuteAsync(_board, $"DROP TRIGGER IF EXISTS faults_reject_fact ON {BoardFacts.Table}");

    /// <summary>Marks this scenario's sent outbox rows unsent, so the dispatcher publishes them again (same event ids).</summary>
    public Task<int> ResendOutboxAsync(IReadOnlyCollection<Guid> assessmentIds) => ExecuteAsync(_health, """
        UPDATE outbox_messages SET sent_at = NULL
        WHERE sent_at IS NOT NULL AND (body ->> 'assessmentId')::uuid = ANY(@ids)
        """, assessmentIds.ToArray());

    public async Task<Tally> TallyAsync(string childKeyPrefix)
    {
        var committed = new HashSet<Guid>();
        await using (var health = new NpgsqlConnection(_health))
        {
            await health.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Id" FROM health_assessments WHERE "ChildKey" LIKE @prefix""", health);
            command.Parameters.AddWithValue("prefix", childKeyPrefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                committed.Add(reader.GetGuid(0));
            }
        }
        var unsent = await ScalarAsync(_health, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

        var ids = committed.ToArray();
        var counted = new HashSet<Guid>();
        await using (var board = new NpgsqlConnection(_board))
        {
            await board.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT {BoardFacts.AssessmentIdColumn} FROM {BoardFacts.Table} WHERE {BoardFacts.AssessmentIdColumn} = ANY(@ids)", board);
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counted.Add(reader.GetGuid(0));
            }
        }
        var applications = await ScalarAsync(_board, "SELECT count(*) FROM faults_applications WHERE assessment_id = ANY(@ids)", ids);
        return new Tally(committed, counted, (int)applications, unsent);
    }

    /// <summary>Whether any assessment id is a board fact (used to show a poison message was never counted).</summary>
    public async Task<bool> IsCountedAsync(Guid assessmentId) =>
        await ScalarAsync(_board, $"SELECT count(*) FROM {BoardFacts.Table} WHERE {BoardFacts.AssessmentIdColumn} = ANY(@ids)", [assessmentId]) > 0;

    /// <summary>Whether a board connection is waiting on a lock (a consumer is mid-message).</summary>
    public async Task<int> BoardSessionsWaitingOnLocksAsync() =>
        (int)await ScalarAsync(_board, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    /// <summary>Holds an exclusive lock on the fact table (reads allowed, writes wait) until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> LockBoardFactsAsync()
    {
        var connection = new NpgsqlConnection(_board);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {BoardFacts.Table} IN EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        return new TableLock(connection, transaction);
    }

    private sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.CommitAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<int> ExecuteAsync(string connectionString, string sql, Guid[]? ids = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, Guid[]? ids = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5, CommandTimeout = 15 }.ConnectionString;
}
