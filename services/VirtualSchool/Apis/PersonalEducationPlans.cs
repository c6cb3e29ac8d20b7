using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

/// <summary>Reason is EnteredCare (due 20 school days after) or TermlyReview; Quality is the virtual school's audit grade.</summary>
public sealed record RecordPepRequest(string? ChildKey, string? Reason, DateOnly? DueOn, DateOnly? CompletedOn, string? Quality);

public sealed record PepResponse(
    Guid Id, string ChildKey, string Reason, DateOnly DueOn, DateOnly CompletedOn, bool OnTime, string? Quality, DateTimeOffset RecordedAt);

public static class PersonalEducationPlans
{
    public static PersonalEducationPlan Create(RecordPepRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        Reason = PartnershipRules.ParseName<PepReason>(r.Reason!),
        DueOn = r.DueOn!.Value,
        CompletedOn = r.CompletedOn!.Value,
        Quality = string.IsNullOrEmpty(r.Quality) ? null : PartnershipRules.ParseName<PepQuality>(r.Quality),
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static PersonalEducationPlanCompleted ToEvent(this PersonalEducationPlan p) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = p.RecordedAt,
        SourceAgency = p.SubmittedByAgency,
        ChildKey = p.ChildKey,
        PepId = p.Id,
        CompletedOn = p.CompletedOn,
        DueOn = p.DueOn,
        Quality = p.Quality,
    };

    public static PepResponse ToResponse(this PersonalEducationPlan p) =>
        new(p.Id, p.ChildKey, p.Reason.ToString(), p.DueOn, p.CompletedOn, p.OnTime, p.Quality?.ToString(), p.RecordedAt);
}
