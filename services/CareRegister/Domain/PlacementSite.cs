using Partnership.CareRegister.Placements;

namespace Partnership.CareRegister.Domain;

/// <summary>Where a placement is relative to the child's home, as an episode keeps it.</summary>
public sealed record PlacementSite(string? HomePostcode, string? PlacementPostcode, bool? WithinTwentyMiles)
{
    public static readonly PlacementSite Unknown = new(null, null, null);

    /// <summary>
    /// A flag the caller states wins: their case system may hold the distance between the full postcodes. Otherwise
    /// the flag is derived from the postcodes' districts, and stays unknown when either cannot be located.
    /// </summary>
    public static PlacementSite From(string? homePostcode, string? placementPostcode, bool? statedWithinTwentyMiles)
    {
        var home = Postcodes.Normalise(homePostcode);
        var placement = Postcodes.Normalise(placementPostcode);
        return new PlacementSite(home, placement,
            statedWithinTwentyMiles ?? PlacementDistance.FromPostcodes(PostcodeDistricts.Embedded, home, placement).WithinTwentyMiles);
    }
}
