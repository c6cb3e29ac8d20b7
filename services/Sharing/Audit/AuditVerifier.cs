using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

public sealed record AuditVerification(bool Valid, long EntriesChecked, string HeadHash, long? FirstBadSequence, string? Problem);

/// <summary>
/// Recomputes the chain from the first entry. An edited entry no longer matches its hash; a deleted entry leaves a
/// gap in the sequence and a successor whose previous hash points at nothing. Truncation of the newest entries can
/// only be caught against a head hash kept elsewhere, which is why the result reports the head.
/// </summary>
public sealed class AuditVerifier(SharingDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditHashing.GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        while (true)
        {
            var from = expectedSequence;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, checkedCount, previousHash, null, null);
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return Fail(expectedSequence, $"entry {expectedSequence} is missing (next present is {entry.Sequence})");
                }
                if (entry.PreviousHash != previousHash)
                {
                    return Fail(entry.Sequence, $"entry {entry.Sequence} does not follow the entry before it");
                }
                if (AuditHashing.ChainHash(previousHash, entry) != entry.Hash)
                {
                    return Fail(entry.Sequence, $"entry {entry.Sequence} was altered after it was written");
                }
                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }

        AuditVerification Fail(long sequence, string problem) => new(false, checkedCount, previousHash, sequence, problem);
    }
}
