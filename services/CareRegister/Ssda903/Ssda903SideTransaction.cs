using Npgsql;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// A connection beside the import's own, in a transaction of its own, for rows that nothing later in the import reads
/// (ADR 0021): a one-pass import keeps two, one for the new key links and the rows of the files read beside the Header,
/// one for the episodes, so that three backends store a batch at once while the import's own connection takes the
/// children and the events. They commit just before the year's own transaction. If that one then fails, the importer
/// deletes the year rows they committed (<see cref="DiscardAsync"/>); links to keys nothing uses yet stay, for the
/// child's next import to take up.
/// </summary>
public sealed class Ssda903SideTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private Ssda903SideTransaction(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The year tables a one-pass import writes through side transactions.</summary>
    public static readonly string[] Tables =
    [
        "ssda903_episodes", "ssda903_reviews", "ssda903_uasc", "ssda903_oc2", "ssda903_oc3", "ssda903_missing", "ssda903_ad1",
        "ssda903_placed_adoption",
    ];

    public NpgsqlConnection Connection => _connection;

    /// <summary>Opens a connection to the import's database with the same credentials (which an open connection's string no longer shows).</summary>
    public static async Task<Ssda903SideTransaction> BeginAsync(NpgsqlConnection importConnection, CancellationToken ct)
    {
        var side = new Ssda903SideTransaction(importConnection.CloneWith(importConnection.ConnectionString));
        try
        {
            await side._connection.OpenAsync(ct);
            side._transaction = await side._connection.BeginTransactionAsync(ct);
            return side;
        }
        catch
        {
            await side.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => _transaction!.CommitAsync(ct);

    /// <summary>
    /// Deletes the side rows of an import whose own transaction did not commit. Should this fail too, the rows name an
    /// import that does not exist: readers of the year tables go through committed imports, and the next import of the
    /// year deletes them with the rest of the year.
    /// </summary>
    public static async Task DiscardAsync(NpgsqlConnection connection, Ssda903ImportState state)
    {
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE collection_year = @year AND import_id = @id", connection);
            command.Parameters.AddWithValue("year", state.Year.EndYear);
            command.Parameters.AddWithValue("id", state.ImportId);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Rolls back what was not committed: an import that fails, or falls back to the staged path, writes it again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }
}
