using Microsoft.EntityFrameworkCore;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

public static class CareLeaverAges
{
    /// <summary>Looks up the date of birth of a care leaver the validator has already found registered.</summary>
    public static Task<DateOnly> DateOfBirthAsync(this LeavingCareDbContext db, string childKey, CancellationToken ct) =>
        db.CareLeavers.Where(c => c.ChildKey == childKey).Select(c => c.DateOfBirth).SingleAsync(ct);

    /// <summary>Gives a new care leaver record its id, time and the age in whole years on <paramref name="on"/>.</summary>
    public static async Task<T> NewRecordAsync<T>(this LeavingCareDbContext db, T record, DateOnly on, RecordAuthor by, CancellationToken ct)
        where T : CareLeaverRecord
    {
        record.Id = Guid.CreateVersion7();
        record.AgeYears = Ages.WholeYears(await db.DateOfBirthAsync(record.ChildKey, ct), on);
        record.RecordedAt = by.At;
        return record;
    }
}
