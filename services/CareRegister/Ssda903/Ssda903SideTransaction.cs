using Npgsql;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// A connection beside the import's own, in a transaction of its own, for rows that nothing later in the import reads
/// (ADR 0021): a one-pass import keeps two, one for the episodes, one for most of the files read beside the Header,
/// so that three backends store a batch at once while the import's own connection takes the children, the rest of
/// those files and the events. They commit just before the year's own transaction. If that one then fails, the
/// importer deletes the year rows they committed. The new key links are stored batch by batch on a fourth connection
/// (<see cref="Ssda903OnePassConnections"/>); links to keys nothing uses yet stay, for the child's next import to take up.
/// </summary>
public sealed class Ssda903SideTransaction : IAsyncDisposable
{
    private NpgsqlTransaction? _transaction;

    private Ssda903SideTransaction(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<Ssda903SideTransaction> BeginAsync(NpgsqlConnection importConnection, CancellationToken ct)
    {
        var side = new Ssda903SideTransaction(await OpenBesideAsync(importConnection, ct));
        try
        {
            side._transaction = await side.Connection.BeginTransactionAsync(ct);
            return side;
        }
        catch
        {
            await side.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a connection to the import's database with the same credentials (which an open connection's string no longer shows).</summary>
    public static async Task<NpgsqlConnection> OpenBesideAsync(NpgsqlConnection importConnection, CancellationToken ct)
    {
        var connection = importConnection.CloneWith(importConnection.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => _transaction!.CommitAsync(ct);

    /// <summary>Rolls back what was not committed: an import that fails, or falls back to the staged path, writes it again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        await Connection.DisposeAsync();
    }
}
