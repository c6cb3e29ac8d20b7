using System.Globalization;
using Partnership.CareRegister.Placements;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Whether an episode's placement is within 20 miles of home. PL_DISTANCE is a field DfE derives from the full
/// postcodes and adds to the episodes it sends back, so a file that carries it is used as is; a file without it (what
/// authorities submit) is placed from HOME_POST and PL_POST by their districts. A problem is a warning: the episode
/// is kept, its distance unknown.
/// </summary>
public static class Ssda903PlacementLocality
{
    public const string DistanceColumn = "PL_DISTANCE";

    public static PlacementLocality Read(Ssda903CsvFile file, Ssda903RowContext row, string? homePostcode, string? placementPostcode)
    {
        if (file.Optional(DistanceColumn) is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var miles) && miles is >= 0 and < 1000)
            {
                return PlacementDistance.FromMiles(miles);
            }
            row.Warning(DistanceColumn, Ssda903Rules.InvalidDistance, "PL_DISTANCE is not a distance in miles; the postcodes were used instead.");
        }
        var (locality, homeProblem, placementProblem) = PlacementDistance.Locate(PostcodeDistricts.Embedded, homePostcode, placementPostcode);
        Report(row, "HOME_POST", homeProblem);
        Report(row, "PL_POST", placementProblem);
        return locality;
    }

    // The postcode is not echoed: a home postcode narrows down where a child's family lives.
    private static void Report(Ssda903RowContext row, string column, PostcodeProblem problem)
    {
        switch (problem)
        {
            case PostcodeProblem.NotAPostcode:
                row.Warning(column, Ssda903Rules.InvalidPostcode, $"{column} is not a postcode; whether the placement is within 20 miles is unknown.");
                break;
            case PostcodeProblem.DistrictNotHeld:
                row.Warning(column, Ssda903Rules.PostcodeNotLocated,
                    $"{column}'s district is not in the register's postcode district table; whether the placement is within 20 miles is unknown.");
                break;
        }
    }
}
