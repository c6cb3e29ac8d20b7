using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a transaction commits new outbox rows, so events leave without a polling delay.
/// Only units of work that wrote outbox rows wake it: the dispatcher's own commits and consumers that publish nothing
/// would otherwise cost an empty dispatch pass each (a scope, a transaction and a query) on every event.
/// </summary>
public sealed class OutboxSignal
{
    private static readonly object Staged = new();

    /// <summary>Contexts whose current save or transaction wrote outbox rows not yet announced.</summary>
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>
    /// Notes that <paramref name="context"/> stages or wrote outbox rows; they are announced when its work commits. A
    /// mark left by work that was rolled back costs at most one empty pass later.
    /// </summary>
    public static void MarkStaged(DbContext context) => Pending.AddOrUpdate(context, Staged);

    /// <summary>Wakes the dispatcher if the context's committed work wrote outbox rows.</summary>
    public void NotifyIfStaged(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            Notify();
        }
    }

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
