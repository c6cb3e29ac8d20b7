using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

/// <summary>Only the date: the adviser's identity stays in the leaving care team's own system.</summary>
public sealed record AllocatePersonalAdviserRequest(string? ChildKey, DateOnly? AllocatedOn);

public sealed record PersonalAdviserResponse(Guid Id, string ChildKey, DateOnly AllocatedOn, int AgeYears, DateTimeOffset RecordedAt);

public static class PersonalAdvisers
{
    public static Task<PersonalAdviserAllocation> CreateAsync(AllocatePersonalAdviserRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct) =>
        db.NewRecordAsync(new PersonalAdviserAllocation
        {
            ChildKey = r.ChildKey!,
            AllocatedOn = r.AllocatedOn!.Value,
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.AllocatedOn.Value, by, ct);

    public static PersonalAdviserAllocated ToEvent(this PersonalAdviserAllocation a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        AllocatedOn = a.AllocatedOn,
    };

    public static PersonalAdviserResponse ToResponse(this PersonalAdviserAllocation a) => new(a.Id, a.ChildKey, a.AllocatedOn, a.AgeYears, a.RecordedAt);
}
