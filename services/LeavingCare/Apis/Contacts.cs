using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

/// <summary>InTouch is the SSDA903 IN_TOUCH code: YES, NO, DIED, REFU, NREQ or RHOM.</summary>
public sealed record RecordContactRequest(string? ChildKey, DateOnly? ContactOn, string? InTouch);

public sealed record ContactResponse(Guid Id, string ChildKey, DateOnly ContactOn, string InTouch, int AgeYears, bool WithinBirthdayWindow, DateTimeOffset RecordedAt);

public static class Contacts
{
    public static async Task<CareLeaverContact> CreateAsync(RecordContactRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct)
    {
        var contact = await db.NewRecordAsync(new CareLeaverContact
        {
            ChildKey = r.ChildKey!,
            ContactOn = r.ContactOn!.Value,
            InTouch = Ssda903Codes.InTouch[r.InTouch!],
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.ContactOn.Value, by, ct);
        contact.WithinBirthdayWindow = Ages.WithinBirthdayWindow(await db.DateOfBirthAsync(contact.ChildKey, ct), contact.ContactOn);
        return contact;
    }

    public static CareLeaverContactRecorded ToEvent(this CareLeaverContact c) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = c.RecordedAt,
        SourceAgency = c.SubmittedByAgency,
        ChildKey = c.ChildKey,
        ContactOn = c.ContactOn,
        InTouch = c.InTouch,
        AgeYears = c.AgeYears,
        WithinBirthdayWindow = c.WithinBirthdayWindow,
    };

    public static ContactResponse ToResponse(this CareLeaverContact c) =>
        new(c.Id, c.ChildKey, c.ContactOn, c.InTouch.ToString(), c.AgeYears, c.WithinBirthdayWindow, c.RecordedAt);
}
