using Npgsql;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The connections a one-pass import uses beside the year's own: the two side transactions (ADR 0021) and one for
/// looking up the key links of the next Header batch while the year's connection is still writing the last. All three
/// are opened in the background as the pass starts: a new backend takes several milliseconds to start, which at the
/// size of one local authority's year was a tenth of the import when the two sides were opened one after the other
/// before the first row was read.
/// </summary>
public sealed class Ssda903OnePassConnections : IAsyncDisposable
{
    private readonly Task<Ssda903SideTransaction> _fileSide;
    private readonly Task<Ssda903SideTransaction> _episodeSide;
    private readonly Task<NpgsqlConnection> _lookup;
    private Task _lookingUp = Task.CompletedTask;

    private Ssda903OnePassConnections(NpgsqlConnection yearConnection, CancellationToken ct)
    {
        _fileSide = Ssda903SideTransaction.BeginAsync(yearConnection, ct);
        _episodeSide = Ssda903SideTransaction.BeginAsync(yearConnection, ct);
        _lookup = Ssda903SideTransaction.OpenBesideAsync(yearConnection, ct);
    }

    /// <summary>Starts opening the connections; nothing waits for them until they are first used.</summary>
    public static Ssda903OnePassConnections Open(NpgsqlConnection yearConnection, CancellationToken ct) => new(yearConnection, ct);

    /// <summary>The side transaction for the key links and most files read beside the Header, and the one for the episodes.</summary>
    public async Task<(Ssda903SideTransaction Files, Ssda903SideTransaction Episodes)> SidesAsync() => (await _fileSide, await _episodeSide);

    /// <summary>
    /// The key links already stored for a batch's CHILD ids, read outside the import's transactions: links are only
    /// ever added, and those this import adds are for ids of earlier batches (the Header is in CHILD order).
    /// </summary>
    public Task<Dictionary<string, string>> KeyLinksAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var links = LookUpAsync(ids, ct);
        _lookingUp = links;
        return links;
    }

    /// <summary>In a transaction of its own: the look-up's planner settings are SET LOCAL, which outside one only warns.</summary>
    private async Task<Dictionary<string, string>> LookUpAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var connection = await _lookup;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var links = await Ssda903Staging.KeyLinksAsync(connection, ids, ct);
        await transaction.CommitAsync(ct);
        return links;
    }

    /// <summary>Both sides commit at once: each waits for its own WAL flush, and the flushes can be one.</summary>
    public async Task CommitSidesAsync(CancellationToken ct)
    {
        var (files, episodes) = await SidesAsync();
        await Task.WhenAll(files.CommitAsync(ct), episodes.CommitAsync(ct));
    }

    /// <summary>Waits for whatever is still opening or looking up, then rolls back what was not committed and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _lookingUp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await DisposeOpenedAsync(_fileSide);
        await DisposeOpenedAsync(_episodeSide);
        await DisposeOpenedAsync(_lookup);
    }

    /// <summary>Waits for an opening to end, and closes what it opened; one that failed opened nothing.</summary>
    private static async Task DisposeOpenedAsync<T>(Task<T> opening) where T : IAsyncDisposable
    {
        await ((Task)opening).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (opening.IsCompletedSuccessfully)
        {
            await opening.Result.DisposeAsync();
        }
    }
}
