using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

/// <summary>
/// Appends entries to their children's hash chains inside the caller's transaction. A transaction-scoped advisory lock
/// per chain serialises that chain's appenders across every instance, so two entries can never claim the same
/// predecessor (no forks), and the lock is released only when the entry (with the change it records) commits or rolls
/// back. Appenders for children in other chains do not wait (ADR 0013).
/// </summary>
public sealed class AuditLog(SharingDbContext db, TimeProvider clock)
{
    private List<AuditEntry>? deferred;

    /// <summary>
    /// From now until <see cref="FlushDeferredAsync"/>, entries are held instead of appended, so a transaction that
    /// applies several events takes each chain's lock and reads its tail once for all of them (ADR 0025).
    /// </summary>
    public void DeferAppends() => deferred ??= [];

    /// <summary>Appends every held entry, in the order given, and appends at once from then on.</summary>
    public async Task FlushDeferredAsync(CancellationToken cancellationToken)
    {
        if (deferred is not { } held)
        {
            return;
        }
        deferred = null;
        await AppendAllAsync(held, cancellationToken);
    }

    public async Task<AuditEntry> AppendAsync(AuditEntry draft, CancellationToken cancellationToken)
    {
        await AppendAllAsync([draft], cancellationToken);
        return draft;
    }

    /// <summary>
    /// Appends several entries in the given order under one lock per chain and one read of the tails, so a caller
    /// recording several decisions for one event holds its chain for a few statements rather than a few per decision.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<AuditEntry> drafts, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }
        if (drafts.Count == 0)
        {
            return;
        }
        if (deferred is not null)
        {
            // The id now, as the caller may refer to it (an inbox item names its decision); the chain fields at the flush.
            foreach (var draft in drafts)
            {
                draft.Id = draft.Id == Guid.Empty ? Guid.CreateVersion7() : draft.Id;
            }
            deferred.AddRange(drafts);
            return;
        }

        foreach (var draft in drafts)
        {
            draft.Chain = AuditChains.For(draft.ChildKey);
        }
        // Ascending order, so two transactions that need the same two chains take them in the same order and never deadlock.
        var chains = drafts.Select(d => d.Chain).Distinct().Order().ToArray();

        // Changes staged earlier in this transaction (entries, or anything else) are written before the locks are
        // taken, so the tails read below are the true ones and the locks are held as briefly as possible.
        await db.SaveChangesAsync(cancellationToken);
        var tails = (await LockAndReadTailsAsync(chains, cancellationToken)).ToDictionary(h => h.Chain);

        var recordedAt = AuditHashing.ToStoredPrecision(clock.GetUtcNow());
        foreach (var draft in drafts)
        {
            var tail = tails.GetValueOrDefault(draft.Chain, new ChainHead(draft.Chain, 0, AuditHashing.GenesisHash));
            draft.Sequence = tail.Sequence + 1;
            draft.Id = draft.Id == Guid.Empty ? Guid.CreateVersion7() : draft.Id;
            draft.RecordedAt = recordedAt;
            draft.PreviousHash = tail.Hash;
            draft.Hash = AuditHashing.ChainHash(draft.PreviousHash, draft);
            tails[draft.Chain] = new ChainHead(draft.Chain, draft.Sequence, draft.Hash);
            db.AuditEntries.Add(draft);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the chains' locks and reads their tails in one round trip: the statements go in one batch, and the server
    /// runs the last (with a snapshot of its own, under READ COMMITTED) only once every lock is held, so it sees every
    /// entry committed by the locks' previous holders.
    /// </summary>
    private async Task<List<ChainHead>> LockAndReadTailsAsync(int[] chains, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var chain in chains)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AuditChains.LockClass}, {chain})"));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ChainHeadsSql.OfChains) { Parameters = { new NpgsqlParameter { Value = chains } } });

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < chains.Length; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }
        return await ChainHeadsSql.ReadAsync(reader, cancellationToken);
    }
}
