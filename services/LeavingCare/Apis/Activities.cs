using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

/// <summary>ActivityCode is the SSDA903 ACTIV code (F1…P5 in education, employment or training; G4–G6 NEET; 0 not known).</summary>
public sealed record RecordActivityRequest(string? ChildKey, DateOnly? RecordedOn, string? ActivityCode);

public sealed record ActivityResponse(
    Guid Id, string ChildKey, DateOnly RecordedOn, string ActivityCode, bool InEducationEmploymentOrTraining, bool InHigherEducation,
    int AgeYears, DateTimeOffset RecordedAt);

public static class Activities
{
    public static Task<CareLeaverActivity> CreateAsync(RecordActivityRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct)
    {
        var code = r.ActivityCode!.ToUpperInvariant();
        return db.NewRecordAsync(new CareLeaverActivity
        {
            ChildKey = r.ChildKey!,
            RecordedOn = r.RecordedOn!.Value,
            ActivityCode = code,
            InEducationEmploymentOrTraining = Ssda903Codes.InEducationEmploymentOrTraining(code),
            InHigherEducation = Ssda903Codes.InHigherEducation(code),
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.RecordedOn.Value, by, ct);
    }

    public static CareLeaverActivityRecorded ToEvent(this CareLeaverActivity a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        RecordedOn = a.RecordedOn,
        ActivityCode = a.ActivityCode,
        InEducationEmploymentOrTraining = a.InEducationEmploymentOrTraining,
        InHigherEducation = a.InHigherEducation,
        AgeYears = a.AgeYears,
    };

    public static ActivityResponse ToResponse(this CareLeaverActivity a) => new(
        a.Id, a.ChildKey, a.RecordedOn, a.ActivityCode, a.InEducationEmploymentOrTraining, a.InHigherEducation, a.AgeYears, a.RecordedAt);
}
