using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

public sealed record RecordExclusionRequest(string? ChildKey, string? Type, DateOnly? StartDate, decimal? Sessions);

public sealed record ExclusionResponse(Guid Id, string ChildKey, string Type, DateOnly StartDate, decimal Sessions, DateTimeOffset RecordedAt);

public static class Exclusions
{
    public static Exclusion Create(RecordExclusionRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        Type = PartnershipRules.ParseName<ExclusionType>(r.Type!),
        StartDate = r.StartDate!.Value,
        Sessions = r.Sessions!.Value,
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static ExclusionRecorded ToEvent(this Exclusion e) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = e.RecordedAt,
        SourceAgency = e.SubmittedByAgency,
        ChildKey = e.ChildKey,
        ExclusionId = e.Id,
        Type = e.Type,
        StartDate = e.StartDate,
        Sessions = e.Sessions,
    };

    public static ExclusionResponse ToResponse(this Exclusion e) =>
        new(e.Id, e.ChildKey, e.Type.ToString(), e.StartDate, e.Sessions, e.RecordedAt);
}
