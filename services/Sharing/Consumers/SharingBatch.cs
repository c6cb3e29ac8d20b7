using Partnership.Sharing.Audit;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Routing;

namespace Partnership.Sharing.Consumers;

/// <summary>
/// What a transaction applying several events does once rather than per event (ADR 0025): their children's ages are
/// read in one round trip, their consents and overrides in one each if a decision needs them, and every decision's
/// audit entry is appended at the end, under one lock per chain and one read of the tails.
/// </summary>
public sealed class SharingBatch(ChildAgeRecorder ages, DecisionService decisions, AuditLog audit)
{
    public async Task StartAsync(IReadOnlyCollection<string> childKeys, CancellationToken cancellationToken)
    {
        await ages.LoadAsync(childKeys, cancellationToken);
        decisions.DecideForBatch(childKeys);
        audit.DeferAppends();
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => audit.FlushDeferredAsync(cancellationToken);
}
