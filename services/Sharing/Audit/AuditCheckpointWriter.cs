using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

/// <summary>
/// What this process last wrote in a checkpoint, per chain. Heads only grow, so a chain whose head equals what this
/// process last wrote for it has not grown since any checkpoint (another instance's included) and can be left out.
/// </summary>
public sealed class AuditCheckpointState
{
    private readonly Dictionary<int, ChainHead> written = [];
    private readonly Lock gate = new();

    public List<ChainHead> Grown(IEnumerable<ChainHead> heads)
    {
        lock (gate)
        {
            return heads.Where(h => !written.TryGetValue(h.Chain, out var last) || last != h).ToList();
        }
    }

    public void Written(IEnumerable<ChainHead> heads)
    {
        lock (gate)
        {
            foreach (var head in heads)
            {
                written[head.Chain] = head;
            }
        }
    }
}

/// <summary>
/// Records the head of every chain that has grown since the last checkpoint as a new checkpoint (a chain not named
/// keeps the head an earlier checkpoint gave it).
/// </summary>
public sealed class AuditCheckpointWriter(SharingDbContext db, AuditCheckpointState state, TimeProvider clock)
{
    /// <returns>The checkpoint written, or null when no chain changed since the last one.</returns>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (previous, heads) = await LockAndReadAsync(cancellationToken);
        var grown = state.Grown(heads);
        if (grown.Count == 0)
        {
            return null;
        }

        var checkpoint = new AuditCheckpoint
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            RecordedAt = AuditHashing.ToStoredPrecision(clock.GetUtcNow()),
            Heads = AuditHashing.Heads(grown),
            PreviousHash = previous?.Hash ?? AuditHashing.GenesisHash,
            Hash = string.Empty,
        };
        checkpoint.Hash = AuditHashing.CheckpointHash(checkpoint.PreviousHash, checkpoint);
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        state.Written(grown);
        return checkpoint;
    }

    /// <summary>
    /// The checkpoint lock keeps two instances from writing the same sequence; entry appenders are not held up, since a
    /// checkpoint only names entries already committed.
    /// </summary>
    private async Task<(AuditCheckpoint? Previous, List<ChainHead> Heads)> LockAndReadAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChains.LockClass}, {AuditChains.CheckpointLock})", cancellationToken);
        var previous = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        return (previous, await ChainHeadsSql.EveryChainAsync(db, cancellationToken));
    }
}
