using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

/// <summary>Age in whole years on RecordedOn; the virtual school tracks 16–18 year olds.</summary>
public sealed record RecordNeetStatusRequest(string? ChildKey, DateOnly? RecordedOn, int? AgeYears, bool? Neet);

public sealed record NeetStatusResponse(Guid Id, string ChildKey, DateOnly RecordedOn, int AgeYears, bool Neet, DateTimeOffset RecordedAt);

public static class NeetStatuses
{
    public const int MinimumAge = 16;
    public const int MaximumAge = 18;

    public static NeetStatus Create(RecordNeetStatusRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        RecordedOn = r.RecordedOn!.Value,
        AgeYears = r.AgeYears!.Value,
        Neet = r.Neet!.Value,
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static NeetStatusRecorded ToEvent(this NeetStatus n) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = n.RecordedAt,
        SourceAgency = n.SubmittedByAgency,
        ChildKey = n.ChildKey,
        RecordedOn = n.RecordedOn,
        AgeYears = n.AgeYears,
        Neet = n.Neet,
    };

    public static NeetStatusResponse ToResponse(this NeetStatus n) => new(n.Id, n.ChildKey, n.RecordedOn, n.AgeYears, n.Neet, n.RecordedAt);
}
