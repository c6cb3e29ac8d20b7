using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

/// <summary>
/// Appends entries to the hash chain inside the caller's transaction. A transaction-scoped advisory lock serialises
/// appenders across every instance, so two entries can never claim the same predecessor (no forks), and the lock is
/// released only when the entry (with the change it records) commits or rolls back.
/// </summary>
public sealed class AuditLog(SharingDbContext db, TimeProvider clock)
{
    /// <summary>An arbitrary constant naming this lock among the database's advisory locks.</summary>
    private const long ChainLockKey = 0x5348_4152_494E_47; // "SHARING"

    public async Task<AuditEntry> AppendAsync(AuditEntry draft, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }

        // Entries staged earlier in this transaction (several decisions for one event) are written first, so the
        // predecessor read below is the true tail.
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        var tail = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        draft.Sequence = (tail?.Sequence ?? 0) + 1;
        draft.Id = draft.Id == Guid.Empty ? Guid.CreateVersion7() : draft.Id;
        draft.RecordedAt = AuditHashing.ToStoredPrecision(clock.GetUtcNow());
        draft.PreviousHash = tail?.Hash ?? AuditHashing.GenesisHash;
        draft.Hash = AuditHashing.ChainHash(draft.PreviousHash, draft);
        db.AuditEntries.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }
}
