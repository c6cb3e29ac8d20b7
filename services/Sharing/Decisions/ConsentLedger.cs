using Partnership.Sharing.Audit;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Decisions;

/// <summary>
/// Stores consents, withdrawals and overrides, each with its audit entry in one transaction: none exists unaudited.
/// </summary>
public sealed class ConsentLedger(SharingDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<AuditEntry> RecordConsentAsync(ConsentRecord consent, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Consents.Add(consent);
        var entry = await audit.AppendAsync(new AuditEntry
        {
            Kind = AuditKinds.ConsentRecorded,
            ChildKey = consent.ChildKey,
            RecipientAgency = string.Join(',', consent.Recipients),
            Category = string.Join(',', consent.Categories),
            Purpose = consent.Purpose.ToString(),
            Outcome = consent.Permit ? nameof(Outcome.Permit) : nameof(Outcome.Deny),
            Reason = $"{(consent.Permit ? "Permission" : "Refusal")} given by the {consent.GivenBy}, valid from {consent.ValidFrom:u}"
                + (consent.ValidTo is { } to ? $" to {to:u}." : "."),
            ConsentId = consent.Id,
            Caller = consent.RecordedBy,
            CallerAgency = consent.RecordedByAgency,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Returns null when there is no such consent for the child; a repeated withdrawal changes nothing more.</summary>
    public async Task<(ConsentRecord Consent, AuditEntry? Entry)?> WithdrawAsync(
        Guid consentId, string reason, string caller, string? callerAgency, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consent = await db.Consents.FindAsync([consentId], cancellationToken);
        if (consent is null)
        {
            return null;
        }
        if (consent.WithdrawnAt is not null)
        {
            return (consent, null);
        }

        consent.WithdrawnAt = clock.GetUtcNow();
        consent.WithdrawnBy = caller;
        consent.WithdrawalReason = reason;
        var entry = await audit.AppendAsync(new AuditEntry
        {
            Kind = AuditKinds.ConsentWithdrawn,
            ChildKey = consent.ChildKey,
            RecipientAgency = string.Join(',', consent.Recipients),
            Category = string.Join(',', consent.Categories),
            Purpose = consent.Purpose.ToString(),
            Reason = $"Consent withdrawn; it no longer counts in any decision from {consent.WithdrawnAt:u}.",
            ConsentId = consent.Id,
            Caller = caller,
            CallerAgency = callerAgency,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (consent, entry);
    }

    public async Task<AuditEntry> RecordOverrideAsync(SafeguardingOverride value, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Overrides.Add(value);
        var entry = await audit.AppendAsync(new AuditEntry
        {
            Kind = AuditKinds.OverrideRecorded,
            ChildKey = value.ChildKey,
            SourceAgency = value.SourceAgency,
            RecipientAgency = value.RecipientAgency,
            Category = string.Join(',', value.Categories),
            Purpose = nameof(Purpose.Safeguarding),
            Outcome = nameof(Outcome.Permit),
            LawfulBasis = value.LawfulBasis.ToString(),
            Reason = $"Safeguarding override by {value.OfficerId} ({value.OfficerRole}) until {value.ValidTo:u}: {value.Reason}",
            OverrideId = value.Id,
            Caller = value.RecordedBy,
            CallerAgency = value.SourceAgency,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }
}
