namespace Partnership.CareRegister.Placements;

/// <summary>How far a placement is from the child's home, and whether that is within the strategy's 20 miles.</summary>
public readonly record struct PlacementLocality(double? Miles, bool? WithinTwentyMiles)
{
    public static readonly PlacementLocality Unknown = new(null, null);
}

/// <summary>Why a placement could not be located from its postcodes: which field, for the row's report.</summary>
public enum PostcodeProblem
{
    None,
    NotAPostcode,
    DistrictNotHeld,
}

/// <summary>
/// The DfE measure: the distance between the home postcode (where the child lived before care) and the placement
/// postcode, as the crow flies, counted within 20 miles when 20.0 or less. DfE derives PL_DISTANCE from full
/// postcodes; without it, this uses the centres of the two postcode districts, which can be a few miles out near the
/// 20-mile line (see Placements/README.md).
/// </summary>
public static class PlacementDistance
{
    public const double LocalMiles = 20.0;
    private const double EarthRadiusMiles = 3958.8;

    public static PlacementLocality FromMiles(double miles) => new(miles, miles <= LocalMiles);

    public static PlacementLocality FromPostcodes(PostcodeDistricts districts, string? home, string? placement) =>
        Locate(districts, home, placement).Locality;

    /// <summary>What stops a postcode being located; None for a blank one (nothing to locate) or a located one.</summary>
    public static PostcodeProblem Problem(PostcodeDistricts districts, string? postcode)
    {
        CentreOf(districts, postcode, out var problem);
        return problem;
    }

    /// <summary>
    /// The locality and what stops each postcode being located, reading each postcode once: an import places every
    /// episode, and parsing a postcode (split, three patterns) is a visible share of its CPU.
    /// </summary>
    public static (PlacementLocality Locality, PostcodeProblem Home, PostcodeProblem Placement) Locate(
        PostcodeDistricts districts, string? home, string? placement)
    {
        var from = CentreOf(districts, home, out var homeProblem);
        var to = CentreOf(districts, placement, out var placementProblem);
        var locality = from is { } f && to is { } t ? FromMiles(Math.Round(GreatCircleMiles(f, t), 1)) : PlacementLocality.Unknown;
        return (locality, homeProblem, placementProblem);
    }

    private static (double Latitude, double Longitude)? CentreOf(PostcodeDistricts districts, string? postcode, out PostcodeProblem problem)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            problem = PostcodeProblem.None;
            return null;
        }
        Span<char> district = stackalloc char[Postcodes.MaxDistrictLength];
        if (!Postcodes.TryDistrict(postcode, district, out var length))
        {
            problem = PostcodeProblem.NotAPostcode;
            return null;
        }
        var centre = districts.CentreOf(district[..length]);
        problem = centre is null ? PostcodeProblem.DistrictNotHeld : PostcodeProblem.None;
        return centre;
    }

    /// <summary>Haversine distance on a sphere of the Earth's mean radius.</summary>
    public static double GreatCircleMiles((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
