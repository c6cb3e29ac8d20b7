using Google.Protobuf.WellKnownTypes;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Decisions;
using Domain = Partnership.Sharing.Domain;
using V1 = Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Grpc;

/// <summary>Converts between the wire types and the domain; the enums share numeric values by design.</summary>
public static class GrpcMapping
{
    public static Domain.DataCategory ToDomain(this V1.DataCategory value) => (Domain.DataCategory)(int)value;
    public static Domain.Purpose ToDomain(this V1.Purpose value) => (Domain.Purpose)(int)value;
    public static Domain.LawfulBasis ToDomain(this V1.LawfulBasis value) => (Domain.LawfulBasis)(int)value;
    public static Domain.ConsentGiver ToDomain(this V1.ConsentGiver value) => (Domain.ConsentGiver)(int)value;

    public static V1.LawfulBasis ToWire(this Domain.LawfulBasis? value) => value is null ? V1.LawfulBasis.Unspecified : (V1.LawfulBasis)(int)value;

    public static V1.DecideReply ToReply(this RecordedDecision decision) => new()
    {
        Outcome = decision.Result.Permitted ? V1.Outcome.Permit : V1.Outcome.Deny,
        LawfulBasis = decision.Result.Basis.ToWire(),
        LawfulBasisText = decision.Result.Basis is { } basis ? Domain.LawfulBasisText.Describe(basis) : string.Empty,
        Reason = decision.Result.Reason,
        DecisionId = decision.DecisionId.ToString(),
        AgreementId = decision.Result.AgreementId ?? string.Empty,
        ConsentId = decision.Result.ConsentId?.ToString() ?? string.Empty,
        OverrideId = decision.Result.OverrideId?.ToString() ?? string.Empty,
    };

    public static V1.AuditEntry ToWire(this AuditEntry e) => new()
    {
        Sequence = e.Sequence,
        Chain = e.Chain,
        Id = e.Id.ToString(),
        Kind = e.Kind,
        Source = e.SourceAgency ?? string.Empty,
        Recipient = e.RecipientAgency ?? string.Empty,
        Category = e.Category ?? string.Empty,
        Purpose = e.Purpose ?? string.Empty,
        Outcome = e.Outcome ?? string.Empty,
        LawfulBasis = e.LawfulBasis ?? string.Empty,
        Reason = e.Reason,
        AgreementId = e.AgreementId ?? string.Empty,
        ConsentId = e.ConsentId?.ToString() ?? string.Empty,
        OverrideId = e.OverrideId?.ToString() ?? string.Empty,
        Caller = e.Caller,
        CallerAgency = e.CallerAgency ?? string.Empty,
        RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
        Hash = e.Hash,
    };
}
