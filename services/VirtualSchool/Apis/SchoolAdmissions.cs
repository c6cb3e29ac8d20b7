using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

/// <summary>SchoolDaysTaken is counted by the sender on the school's calendar (terms and closures live there).</summary>
public sealed record RecordSchoolAdmissionRequest(string? ChildKey, DateOnly? RequestedOn, DateOnly? AdmittedOn, int? SchoolDaysTaken);

public sealed record SchoolAdmissionResponse(
    Guid Id, string ChildKey, DateOnly RequestedOn, DateOnly AdmittedOn, int SchoolDaysTaken, bool WithinTwentySchoolDays, DateTimeOffset RecordedAt);

public static class SchoolAdmissions
{
    public static SchoolAdmission Create(RecordSchoolAdmissionRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        RequestedOn = r.RequestedOn!.Value,
        AdmittedOn = r.AdmittedOn!.Value,
        SchoolDaysTaken = r.SchoolDaysTaken!.Value,
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static SchoolAdmissionProcessed ToEvent(this SchoolAdmission a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        RequestedOn = a.RequestedOn,
        AdmittedOn = a.AdmittedOn,
        SchoolDaysTaken = a.SchoolDaysTaken,
    };

    public static SchoolAdmissionResponse ToResponse(this SchoolAdmission a) =>
        new(a.Id, a.ChildKey, a.RequestedOn, a.AdmittedOn, a.SchoolDaysTaken, a.WithinTarget, a.RecordedAt);
}
