using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
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
        await AppendAllAsync([draft], cancellationToken);
        return draft;
    }

    /// <summary>
    /// Appends several entries in the given order under one lock and one read of the tail, so a caller recording
    /// several decisions for one event holds the chain lock for a few statements rather than a few per decision.
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

        // Changes staged earlier in this transaction (entries, or anything else) are written before the lock is taken,
        // so the predecessor read below is the true tail and the lock is held as briefly as possible.
        await db.SaveChangesAsync(cancellationToken);
        var tail = await LockAndReadTailAsync(cancellationToken);

        var sequence = tail?.Sequence ?? 0L;
        var previousHash = tail?.Hash ?? AuditHashing.GenesisHash;
        foreach (var draft in drafts)
        {
            draft.Sequence = ++sequence;
            draft.Id = draft.Id == Guid.Empty ? Guid.CreateVersion7() : draft.Id;
            draft.RecordedAt = AuditHashing.ToStoredPrecision(clock.GetUtcNow());
            draft.PreviousHash = previousHash;
            draft.Hash = AuditHashing.ChainHash(draft.PreviousHash, draft);
            previousHash = draft.Hash;
            db.AuditEntries.Add(draft);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the chain lock and reads the tail in one round trip: the two statements go in one batch, and the server runs
    /// the second (with a snapshot of its own, under READ COMMITTED) only once the first holds the lock, so it sees
    /// every entry committed by the lock's previous holder.
    /// </summary>
    private async Task<(long Sequence, string Hash)?> LockAndReadTailAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({ChainLockKey})"),
                new NpgsqlBatchCommand($"""SELECT "Sequence", "Hash" FROM {SharingDbContext.AuditTable} ORDER BY "Sequence" DESC LIMIT 1"""),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
