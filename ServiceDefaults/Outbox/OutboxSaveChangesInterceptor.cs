using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// Wakes the dispatcher after saves and commits. A wake-up with nothing committed costs one indexed query,
/// which is cheaper than tracking which save added outbox rows.
/// </summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
