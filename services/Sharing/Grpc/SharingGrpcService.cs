using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Hosting;
using Partnership.ServiceDefaults.Auth;
using V1 = Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Grpc;

/// <summary>
/// The gRPC face of the sharing service. Authentication failures surface as UNAUTHENTICATED and missing scopes as
/// PERMISSION_DENIED (from the HTTP 401/403 of the authorization middleware); a caller asking about another agency's
/// shares is refused here with PERMISSION_DENIED.
/// </summary>
public sealed class SharingGrpcService(
    DecisionService decisions, ConsentLedger ledger, SharingDbContext db, TimeProvider clock) : V1.SharingService.SharingServiceBase
{
    private const int MinimumReasonLength = 20;

    [Authorize(Policy = SharingPolicies.Decide)]
    public override async Task<V1.DecideReply> Decide(V1.DecideRequest request, ServerCallContext context)
    {
        new RequestChecks()
            .Agency(request.Source, "source")
            .Agency(request.Recipient, "recipient")
            .ChildKey(request.ChildKey)
            .Require(Enum.IsDefined(request.Category.ToDomain()), "category", "must be a data category")
            .Require(Enum.IsDefined(request.Purpose.ToDomain()), "purpose", "must be a purpose")
            .ThrowIfInvalid();
        var user = context.GetHttpContext().User;
        if (user.Agency() != request.Source)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "A caller may only ask about shares from its own agency."));
        }

        var decision = await decisions.DecideAsync(
            new DecisionRequest(request.Source, request.Recipient, request.ChildKey, request.Category.ToDomain(), request.Purpose.ToDomain()),
            user.Caller(), user.Agency(), context.CancellationToken);
        return decision.ToReply();
    }

    [Authorize(Policy = SharingPolicies.Decide)]
    public override async Task<V1.ConsentReply> RecordConsent(V1.RecordConsentRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var validFrom = request.ValidFrom?.ToDateTimeOffset() ?? now;
        var validTo = request.ValidTo?.ToDateTimeOffset();
        var checks = new RequestChecks()
            .ChildKey(request.ChildKey)
            .Require(Enum.IsDefined(request.GivenBy.ToDomain()), "given_by", "must say who gave or refused consent")
            .Require(request.Categories.Count > 0 && request.Categories.All(c => Enum.IsDefined(c.ToDomain())), "categories", "must list one or more data categories")
            .Require(request.Recipients.Count > 0, "recipients", "must list one or more recipient agencies")
            .Require(Enum.IsDefined(request.Purpose.ToDomain()), "purpose", "must be a purpose")
            .Require(validTo is null || validTo > validFrom, "valid_to", "must be after valid_from");
        for (var i = 0; i < request.Recipients.Count; i++)
        {
            checks.Agency(request.Recipients[i], $"recipients[{i}]");
        }
        checks.ThrowIfInvalid();

        var user = context.GetHttpContext().User;
        var consent = new ConsentRecord
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey,
            GivenBy = request.GivenBy.ToDomain(),
            Permit = request.Permit,
            Categories = [.. request.Categories.Select(c => c.ToDomain()).Distinct()],
            Recipients = [.. request.Recipients.Distinct()],
            Purpose = request.Purpose.ToDomain(),
            ValidFrom = validFrom,
            ValidTo = validTo,
            RecordedAt = now,
            RecordedBy = user.Caller(),
            RecordedByAgency = user.Agency() ?? "none",
        };
        var entry = await ledger.RecordConsentAsync(consent, context.CancellationToken);
        return new V1.ConsentReply { ConsentId = consent.Id.ToString(), AuditEntryId = entry.Id.ToString() };
    }

    [Authorize(Policy = SharingPolicies.Decide)]
    public override async Task<V1.ConsentReply> WithdrawConsent(V1.WithdrawConsentRequest request, ServerCallContext context)
    {
        new RequestChecks()
            .Require(Guid.TryParse(request.ConsentId, out var consentId), "consent_id", "must be a consent id")
            .Require(request.Reason.Length <= 1000, "reason", "must be at most 1000 characters")
            .ThrowIfInvalid();
        var user = context.GetHttpContext().User;
        var withdrawn = await ledger.WithdrawAsync(consentId, request.Reason, user.Caller(), user.Agency(), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such consent record."));
        return new V1.ConsentReply { ConsentId = withdrawn.Consent.Id.ToString(), AuditEntryId = withdrawn.Entry?.Id.ToString() ?? string.Empty };
    }

    [Authorize(Policy = SharingPolicies.Decide)]
    public override async Task<V1.OverrideReply> RecordOverride(V1.RecordOverrideRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        // A staff token carries the officer's roles, and then the named role must be one of them; a system token
        // speaks for an officer its own agency has authenticated.
        var tokenRoles = user.FindAll(PartnershipClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var days = request.ValidForDays == 0 ? SafeguardingOverride.DefaultDays : request.ValidForDays;
        new RequestChecks()
            .ChildKey(request.ChildKey)
            .Agency(request.Recipient, "recipient")
            .Require(request.Categories.Count > 0 && request.Categories.All(c => Enum.IsDefined(c.ToDomain())), "categories", "must list one or more data categories")
            .Require(request.OfficerId.Length is > 0 and <= 200, "officer_id", "must name the officer who made the decision")
            .Require(OverrideRoles.Allowed.Contains(request.OfficerRole), "officer_role", $"must be one of {string.Join(", ", OverrideRoles.Allowed)}")
            .Require(tokenRoles.Count == 0 || tokenRoles.Contains(request.OfficerRole), "officer_role", "is not a role the signed-in officer holds")
            .Require(request.Reason.Trim().Length is >= MinimumReasonLength and <= 2000, "reason", $"must explain the decision ({MinimumReasonLength} to 2000 characters)")
            .Require(Enum.IsDefined(request.LawfulBasis.ToDomain()) && request.LawfulBasis.ToDomain().SuitsOverride(), "lawful_basis",
                "must be public task, legal obligation or the safeguarding condition; consent cannot ground an override")
            .Require(days is >= 1 and <= SafeguardingOverride.MaximumDays, "valid_for_days", $"must be between 1 and {SafeguardingOverride.MaximumDays}")
            .ThrowIfInvalid();
        if (user.Agency() is not { } agency)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no agency."));
        }

        var now = clock.GetUtcNow();
        var value = new SafeguardingOverride
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey,
            SourceAgency = agency,
            RecipientAgency = request.Recipient,
            Categories = [.. request.Categories.Select(c => c.ToDomain()).Distinct()],
            OfficerId = request.OfficerId,
            OfficerRole = request.OfficerRole,
            Reason = request.Reason.Trim(),
            LawfulBasis = request.LawfulBasis.ToDomain(),
            ValidFrom = now,
            ValidTo = now.AddDays(days),
            RecordedAt = now,
            RecordedBy = user.Caller(),
        };
        var entry = await ledger.RecordOverrideAsync(value, context.CancellationToken);
        return new V1.OverrideReply
        {
            OverrideId = value.Id.ToString(),
            ValidTo = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(value.ValidTo),
            AuditEntryId = entry.Id.ToString(),
        };
    }

    [Authorize(Policy = SharingPolicies.Oversight)]
    public override async Task<V1.ListDecisionsReply> ListDecisions(V1.ListDecisionsRequest request, ServerCallContext context)
    {
        new RequestChecks().ChildKey(request.ChildKey).ThrowIfInvalid();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChildKey == request.ChildKey)
            // A child's entries share one chain, except those written before chains existed (chain 0): time orders both.
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Chain).ThenBy(e => e.Sequence)
            .ToListAsync(context.CancellationToken);
        var reply = new V1.ListDecisionsReply();
        reply.Entries.AddRange(entries.Select(e => e.ToWire()));
        return reply;
    }
}
