using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Routing;

/// <summary>Keeps the newest whole-years age agency events report for a child.</summary>
public sealed class ChildAgeRecorder(SharingDbContext db)
{
    // Find remembers a row it loaded but not that there was none; for a child with no age on record the consumer and
    // then every recipient's decision would each ask the database again within one event.
    private readonly Dictionary<string, ChildAge?> seen = new(StringComparer.Ordinal);

    public async Task RecordAsync(string childKey, int ageYears, DateOnly asOf, CancellationToken cancellationToken)
    {
        var known = await FindAsync(childKey, cancellationToken);
        if (known is null)
        {
            seen[childKey] = db.ChildAges.Add(new ChildAge { ChildKey = childKey, AgeYears = ageYears, AsOf = asOf }).Entity;
        }
        else if (asOf >= known.AsOf)
        {
            known.AgeYears = ageYears;
            known.AsOf = asOf;
        }
    }

    /// <summary>Reads the ages of several children in one round trip, so none of them is looked up alone later.</summary>
    public async Task LoadAsync(IEnumerable<string> childKeys, CancellationToken cancellationToken)
    {
        var unseen = childKeys.Where(k => !seen.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToArray();
        if (unseen.Length == 0)
        {
            return;
        }
        var found = await db.ChildAges.Where(a => unseen.Contains(a.ChildKey)).ToDictionaryAsync(a => a.ChildKey, cancellationToken);
        foreach (var key in unseen)
        {
            seen[key] = found.GetValueOrDefault(key);
        }
    }

    public async Task<int?> AgeOnAsync(string childKey, DateOnly day, CancellationToken cancellationToken) =>
        (await FindAsync(childKey, cancellationToken))?.AgeOn(day);

    private async Task<ChildAge?> FindAsync(string childKey, CancellationToken cancellationToken)
    {
        if (!seen.TryGetValue(childKey, out var age))
        {
            seen[childKey] = age = await db.ChildAges.FindAsync([childKey], cancellationToken);
        }
        return age;
    }
}
