using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

public sealed record AuditVerification(
    bool Valid, long EntriesChecked, int Chains, long CheckpointsChecked, string HeadHash,
    int? FirstBadChain, long? FirstBadSequence, string? Problem);

/// <summary>
/// Recomputes every chain from its first entry, then the checkpoints. An edited entry no longer matches its hash; a
/// deleted entry leaves a gap in its chain's sequence; deleted newest entries of a chain are caught when a checkpoint
/// named them. Entries newer than the last checkpoint, and the newest checkpoints themselves, can only be checked
/// against a head hash kept elsewhere, which is why the result reports the head.
/// </summary>
public sealed class AuditVerifier(SharingDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // Read first: entries appended while the walk runs only extend chains past what the checkpoint names.
        var named = new Dictionary<int, (ChainHead Head, long Checkpoint)>();
        var (checkpointsChecked, checkpointProblem) = await VerifyCheckpointsAsync(named, cancellationToken);

        var heads = new Dictionary<int, ChainHead>();
        long checkedCount = 0;
        AuditVerification Fail(int? chain, long sequence, string problem) =>
            new(false, checkedCount, heads.Count, checkpointsChecked, AuditHashing.CombinedHead(heads.Values), chain, sequence, problem);

        // One probe per chain to find which there are, rather than a scan of every entry before the walk reads them all.
        var chains = (await ChainHeadsSql.EveryChainAsync(db, cancellationToken)).Select(h => h.Chain).Order();
        foreach (var chain in chains)
        {
            var head = new ChainHead(chain, 0, AuditHashing.GenesisHash);
            while (true)
            {
                var from = head.Sequence;
                var batch = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Chain == chain && e.Sequence > from)
                    .OrderBy(e => e.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var entry in batch)
                {
                    if (entry.Sequence != head.Sequence + 1)
                    {
                        return Fail(chain, head.Sequence + 1, $"chain {chain}: entry {head.Sequence + 1} is missing (next present is {entry.Sequence})");
                    }
                    if (entry.PreviousHash != head.Hash)
                    {
                        return Fail(chain, entry.Sequence, $"chain {chain}: entry {entry.Sequence} does not follow the entry before it");
                    }
                    if (AuditHashing.ChainHash(head.Hash, entry) != entry.Hash)
                    {
                        return Fail(chain, entry.Sequence, $"chain {chain}: entry {entry.Sequence} was altered after it was written");
                    }
                    if (named.TryGetValue(chain, out var expected) && expected.Head.Sequence == entry.Sequence && expected.Head.Hash != entry.Hash)
                    {
                        return Fail(chain, entry.Sequence, $"chain {chain}: entry {entry.Sequence} differs from checkpoint {expected.Checkpoint}");
                    }
                    head = new ChainHead(chain, entry.Sequence, entry.Hash);
                    heads[chain] = head;
                    checkedCount++;
                }
            }
        }

        foreach (var (expected, checkpoint) in named.Values.OrderBy(n => n.Head.Chain))
        {
            var reached = heads.TryGetValue(expected.Chain, out var head) ? head.Sequence : 0;
            if (reached < expected.Sequence)
            {
                return Fail(expected.Chain, reached + 1,
                    $"chain {expected.Chain}: entries {reached + 1} to {expected.Sequence}, named by checkpoint {checkpoint}, are missing");
            }
        }
        if (checkpointProblem is not null)
        {
            return Fail(null, checkpointsChecked + 1, checkpointProblem);
        }
        return new AuditVerification(true, checkedCount, heads.Count, checkpointsChecked, AuditHashing.CombinedHead(heads.Values), null, null, null);
    }

    /// <summary>
    /// Walks the checkpoint chain, collecting the newest head each chain was given; returns how many verified and the
    /// first problem.
    /// </summary>
    private async Task<(long Checked, string? Problem)> VerifyCheckpointsAsync(
        Dictionary<int, (ChainHead Head, long Checkpoint)> named, CancellationToken cancellationToken)
    {
        AuditCheckpoint? last = null;
        while (true)
        {
            var from = last?.Sequence ?? 0;
            var batch = await db.AuditCheckpoints.AsNoTracking()
                .Where(c => c.Sequence > from).OrderBy(c => c.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (from, null);
            }
            foreach (var checkpoint in batch)
            {
                var expectedSequence = (last?.Sequence ?? 0) + 1;
                var previousHash = last?.Hash ?? AuditHashing.GenesisHash;
                if (checkpoint.Sequence != expectedSequence)
                {
                    return (expectedSequence - 1, $"checkpoint {expectedSequence} is missing (next present is {checkpoint.Sequence})");
                }
                if (checkpoint.PreviousHash != previousHash || AuditHashing.CheckpointHash(previousHash, checkpoint) != checkpoint.Hash)
                {
                    return (expectedSequence - 1, $"checkpoint {checkpoint.Sequence} was altered after it was written");
                }
                foreach (var head in AuditHashing.ParseHeads(checkpoint.Heads))
                {
                    named[head.Chain] = (head, checkpoint.Sequence);
                }
                last = checkpoint;
            }
        }
    }
}
