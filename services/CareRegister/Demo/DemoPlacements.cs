using Partnership.CareRegister.Domain;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Demo;

/// <summary>
/// Where the demo authority's children lived and are placed, and who provides the placement: homes in the city's
/// districts, placements mostly nearby and about one in six further away, so the within-20-miles measure (7.4) sits
/// near the strategy's baseline (the register derives each flag from the districts as it would for real postcodes);
/// three in four unrelated foster placements with independent agencies, so that with family and friends placements
/// the IFA share of foster placements is near the strategy's 59/41 split (7.1).
/// </summary>
public sealed class DemoPlacements(Random random)
{
    private static readonly string[] HomeDistricts = ["NG1", "NG2", "NG3", "NG3", "NG5", "NG5", "NG6", "NG7", "NG7", "NG8", "NG8", "NG11"];

    private static readonly string[] NearDistricts =
    [
        "NG2", "NG3", "NG4", "NG5", "NG6", "NG7", "NG8", "NG9", "NG10", "NG11", "NG12", "NG14", "NG15", "NG16", "NG17", "NG18",
        "NG19", "NG21", "NG25", "DE1", "DE5", "DE7", "DE21", "DE22", "DE24", "DE55", "DE75", "LE11", "LE12",
    ];

    private static readonly string[] FarDistricts = ["NG31", "NG34", "LE1", "LE65", "S1", "S40", "S80", "DN22", "LN1", "DE14", "B1", "ST1", "PE1", "NN1"];

    public string Home() => Postcode(HomeDistricts[random.Next(HomeDistricts.Length)]);

    public PlacementSite Site(string home) => PlacementSite.From(home, Placement(), statedWithinTwentyMiles: null);

    public string Placement()
    {
        var districts = random.Next(100) < 83 ? NearDistricts : FarDistricts;
        return Postcode(districts[random.Next(districts.Length)]);
    }

    /// <summary>SSDA903 PLACE_PROVIDER for a placement type.</summary>
    public PlacementProvider Provider(string placement) => placement switch
    {
        "P1" => PlacementProvider.Parents,
        "R1" => PlacementProvider.OtherPublicProvision,
        "H5" => PlacementProvider.PrivateProvision,
        "U1" or "U2" or "A5" or "A6" => PlacementProvider.OwnLocalAuthority,
        _ => random.Next(100) < 75 ? PlacementProvider.PrivateProvision : PlacementProvider.OwnLocalAuthority,
    };

    /// <summary>A synthetic full postcode in the district (sector digit and unit letters drawn at random).</summary>
    private string Postcode(string district) =>
        $"{district} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
}
