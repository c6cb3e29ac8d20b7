using Npgsql;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The connections a one-pass import uses beside the year's own: the two side transactions (ADR 0021) and a key-link
/// connection, which looks up the links of the next Header batch while the last is written, and then stores the new
/// links the last batch made. All three are opened in the background as the pass starts: a new backend takes several
/// milliseconds to start, which at the size of one local authority's year was a tenth of the import when the two
/// sides were opened one after the other before the first row was read.
/// </summary>
public sealed class Ssda903OnePassConnections : IAsyncDisposable
{
    private readonly Task<Ssda903SideTransaction> _fileSide;
    private readonly Task<Ssda903SideTransaction> _episodeSide;
    private readonly Task<NpgsqlConnection> _lookup;
    // What the key-link connection was last given: its look-ups and link writes run one after another, in that order.
    private Task _lastOnLookup = Task.CompletedTask;

    private Ssda903OnePassConnections(NpgsqlConnection yearConnection, CancellationToken ct)
    {
        _fileSide = Ssda903SideTransaction.BeginAsync(yearConnection, ct);
        _episodeSide = Ssda903SideTransaction.BeginAsync(yearConnection, ct);
        _lookup = Ssda903SideTransaction.OpenBesideAsync(yearConnection, ct);
    }

    /// <summary>Starts opening the connections; nothing waits for them until they are first used.</summary>
    public static Ssda903OnePassConnections Open(NpgsqlConnection yearConnection, CancellationToken ct) => new(yearConnection, ct);

    /// <summary>The side transaction for most files read beside the Header, and the one for the episodes.</summary>
    public async Task<(Ssda903SideTransaction Files, Ssda903SideTransaction Episodes)> SidesAsync() => (await _fileSide, await _episodeSide);

    /// <summary>
    /// The key links already stored for a batch's CHILD ids, read outside the import's transactions: links are only
    /// ever added, and those this import adds are for ids of earlier batches (the Header is in CHILD order).
    /// </summary>
    public Task<Dictionary<string, string>> KeyLinksAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var links = LookUpAsync(_lastOnLookup, ids, ct);
        _lastOnLookup = links;
        return links;
    }

    /// <summary>
    /// Stores the links a batch made, after the look-up asked for just before, each batch's in a transaction of its own
    /// (ADR 0021, amended 2026-11-29): a link only maps a CHILD id to a key, and one whose import then fails is taken up
    /// by the child's next import, so links need not wait for the year's commit. A write that fails fails the look-up
    /// after it, and so the pass.
    /// </summary>
    public Task WriteLinksAsync(IReadOnlyList<(string LocalId, string ChildKey)> newLinks, DateTimeOffset linkedAt, CancellationToken ct)
    {
        var written = WriteLinksAfterAsync(_lastOnLookup, newLinks, linkedAt, ct);
        _lastOnLookup = written;
        return written;
    }

    /// <summary>Waits until every link given to <see cref="WriteLinksAsync"/> is stored, and throws if any write failed.</summary>
    public Task LinksStoredAsync() => _lastOnLookup;

    /// <summary>In a transaction of its own: the look-up's planner settings are SET LOCAL, which outside one only warns.</summary>
    private async Task<Dictionary<string, string>> LookUpAsync(Task before, IEnumerable<string> ids, CancellationToken ct)
    {
        await before;
        var connection = await _lookup;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var links = await Ssda903Staging.KeyLinksOfSortedBatchAsync(connection, ids, ct);
        await transaction.CommitAsync(ct);
        return links;
    }

    private async Task WriteLinksAfterAsync(Task before, IReadOnlyList<(string LocalId, string ChildKey)> newLinks, DateTimeOffset linkedAt,
        CancellationToken ct)
    {
        await before;
        if (newLinks.Count == 0)
        {
            return;
        }
        var connection = await _lookup;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Ssda903YearWriter.WriteKeyLinksAsync(connection, newLinks, linkedAt, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Both sides commit at once: each waits for its own WAL flush, and the flushes can be one.</summary>
    public async Task CommitSidesAsync(CancellationToken ct)
    {
        var (files, episodes) = await SidesAsync();
        await Task.WhenAll(files.CommitAsync(ct), episodes.CommitAsync(ct));
    }

    /// <summary>Waits for whatever is still opening, looking up or storing links, then rolls back what was not committed and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _lastOnLookup.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
