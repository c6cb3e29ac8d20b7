using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

/// <summary>AccommodationCode is the SSDA903 ACCOM value: type letter then 1 suitable / 2 unsuitable (e.g. D1), or 0 not known.</summary>
public sealed record RecordAccommodationRequest(string? ChildKey, DateOnly? RecordedOn, string? AccommodationCode);

public sealed record AccommodationResponse(
    Guid Id, string ChildKey, DateOnly RecordedOn, string AccommodationCode, string AccommodationType, bool Suitable, int AgeYears, DateTimeOffset RecordedAt);

public static class AccommodationRecords
{
    public static Task<CareLeaverAccommodation> CreateAsync(RecordAccommodationRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct)
    {
        var code = r.AccommodationCode!.ToUpperInvariant();
        return db.NewRecordAsync(new CareLeaverAccommodation
        {
            ChildKey = r.ChildKey!,
            RecordedOn = r.RecordedOn!.Value,
            AccommodationCode = code,
            AccommodationType = Ssda903Codes.AccommodationType(code),
            Suitable = Ssda903Codes.Suitable(code),
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.RecordedOn.Value, by, ct);
    }

    public static CareLeaverAccommodationRecorded ToEvent(this CareLeaverAccommodation a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        RecordedOn = a.RecordedOn,
        AccommodationType = a.AccommodationType,
        Suitable = a.Suitable,
        AgeYears = a.AgeYears,
    };

    public static AccommodationResponse ToResponse(this CareLeaverAccommodation a) =>
        new(a.Id, a.ChildKey, a.RecordedOn, a.AccommodationCode, a.AccommodationType, a.Suitable, a.AgeYears, a.RecordedAt);
}
