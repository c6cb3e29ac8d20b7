using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Routing;

/// <summary>Keeps the newest whole-years age agency events report for a child.</summary>
public sealed class ChildAgeRecorder(SharingDbContext db)
{
    public async Task RecordAsync(string childKey, int ageYears, DateOnly asOf, CancellationToken cancellationToken)
    {
        var known = await db.ChildAges.FindAsync([childKey], cancellationToken);
        if (known is null)
        {
            db.ChildAges.Add(new ChildAge { ChildKey = childKey, AgeYears = ageYears, AsOf = asOf });
        }
        else if (asOf >= known.AsOf)
        {
            known.AgeYears = ageYears;
            known.AsOf = asOf;
        }
    }

    public async Task<int?> AgeOnAsync(string childKey, DateOnly day, CancellationToken cancellationToken) =>
        (await db.ChildAges.FindAsync([childKey], cancellationToken))?.AgeOn(day);
}
