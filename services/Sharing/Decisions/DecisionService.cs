using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Agreements;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Routing;

namespace Partnership.Sharing.Decisions;

public sealed record RecordedDecision(Guid DecisionId, DecisionResult Result);

/// <summary>
/// Loads what the rules need for one child, applies them, and records the decision (share or not) in the audit log
/// in the current transaction, or in one of its own when the caller has none.
/// </summary>
public sealed class DecisionService(
    SharingDbContext db, AgreementCatalog agreementLines, ChildAgeRecorder ages, AuditLog audit, TimeProvider clock)
{
    private HashSet<string>? batchChildren;
    private readonly Dictionary<Type, object> batchRecords = [];

    /// <summary>
    /// Names the children a transaction is about to decide for (ADR 0025): the first decision that needs consents, or
    /// overrides, reads them for all of these children in one round trip, and their later decisions read nothing more.
    /// A transaction whose decisions need neither reads neither.
    /// </summary>
    public void DecideForBatch(IEnumerable<string> childKeys)
    {
        batchChildren = new HashSet<string>(childKeys, StringComparer.Ordinal);
        batchRecords.Clear();
    }

    public async Task<RecordedDecision> DecideAsync(
        DecisionRequest request, string caller, string? callerAgency, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(request, cancellationToken);
        return await RecordAsync(request, result, caller, callerAgency, cancellationToken);
    }

    public async Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agreements = agreementLines.For(request.Recipient, request.Category, request.Purpose);
        // Only what the rules will look at is read: two round trips of the eight a routed event costs, for the board's
        // feed, which needs neither.
        var consents = SharingRules.ReadsConsents(request, now, agreements)
            ? await RecordsOfAsync(db.Consents, request.ChildKey, cancellationToken)
            : [];
        var overrides = SharingRules.ReadsOverrides(request)
            ? await RecordsOfAsync(db.Overrides, request.ChildKey, cancellationToken)
            : [];
        // Through the recorder: a consumer has usually looked up (or just staged) this child's age in the same scope.
        var age = await ages.AgeOnAsync(request.ChildKey, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        return SharingRules.Decide(request, now, agreements, consents, overrides, age);
    }

    /// <summary>A child's records of one kind: alone, or from one read for every child of the batch.</summary>
    private async Task<List<T>> RecordsOfAsync<T>(DbSet<T> records, string childKey, CancellationToken cancellationToken)
        where T : class, IChildRecord
    {
        if (batchChildren?.Contains(childKey) != true)
        {
            return await records.AsNoTracking().Where(r => r.ChildKey == childKey).ToListAsync(cancellationToken);
        }
        if (!batchRecords.TryGetValue(typeof(T), out var loaded))
        {
            var keys = batchChildren.ToArray();
            batchRecords[typeof(T)] = loaded = (await records.AsNoTracking().Where(r => keys.Contains(r.ChildKey)).ToListAsync(cancellationToken))
                .ToLookup(r => r.ChildKey, StringComparer.Ordinal);
        }
        return ((ILookup<string, T>)loaded)[childKey].ToList();
    }

    /// <summary>Records a decision reached elsewhere (a flow's own precondition) exactly as a rules decision is recorded.</summary>
    public async Task<RecordedDecision> RecordAsync(
        DecisionRequest request, DecisionResult result, string caller, string? callerAgency, CancellationToken cancellationToken)
    {
        var entry = AuditEntryFor(request, result, caller, callerAgency);
        if (db.Database.CurrentTransaction is not null)
        {
            await audit.AppendAsync(entry, cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.AppendAsync(entry, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new RecordedDecision(entry.Id, result);
    }

    /// <summary>The audit entry that records a decision, not yet appended to the chain.</summary>
    public static AuditEntry AuditEntryFor(DecisionRequest request, DecisionResult result, string caller, string? callerAgency) => new()
    {
        Kind = AuditKinds.Decision,
        ChildKey = request.ChildKey,
        SourceAgency = request.Source,
        RecipientAgency = request.Recipient,
        Category = request.Category.ToString(),
        Purpose = request.Purpose.ToString(),
        Outcome = result.Outcome.ToString(),
        LawfulBasis = result.Basis?.ToString(),
        Reason = result.Reason,
        AgreementId = result.AgreementId,
        ConsentId = result.ConsentId,
        OverrideId = result.OverrideId,
        Caller = caller,
        CallerAgency = callerAgency,
        PreviousHash = string.Empty,
        Hash = string.Empty,
    };
}
