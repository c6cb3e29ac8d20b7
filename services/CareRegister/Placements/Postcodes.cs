using System.Text.RegularExpressions;

namespace Partnership.CareRegister.Placements;

/// <summary>
/// UK postcodes as SSDA903 and case systems carry them: full ("NG1 5FS", "NG15FS"), to the sector ("NG1 5") or the
/// district alone ("NG1"). Only the district (outward code) is needed to place a postcode on the map.
/// </summary>
public static partial class Postcodes
{
    public const int MaxLength = 8;

    /// <summary>The district (outward code), or null when the text is not a postcode.</summary>
    public static string? District(string? postcode)
    {
        var trimmed = postcode?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength + 2)
        {
            return null;
        }
        var parts = trimmed.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var outward, var inward] when Outward().IsMatch(outward) && Inward().IsMatch(inward) => outward,
            [var joined] when Joined().Match(joined) is { Success: true } m => m.Groups["outward"].Value,
            [var outward] when Outward().IsMatch(outward) => outward,
            _ => null,
        };
    }

    public static bool IsWellFormed(string? postcode) => District(postcode) is not null;

    /// <summary>Upper case with one space between the district and the rest, as stored; null when not a postcode.</summary>
    public static string? Normalise(string? postcode)
    {
        if (District(postcode) is not { } district)
        {
            return null;
        }
        var compact = string.Concat(postcode!.ToUpperInvariant().Where(c => c != ' '));
        return compact.Length == district.Length ? district : $"{district} {compact[district.Length..]}";
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    private static partial Regex Outward();

    /// <summary>The inward code, or its sector digit alone for a postcode given to the sector.</summary>
    [GeneratedRegex("^[0-9]([A-Z]{2})?$")]
    private static partial Regex Inward();

    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][0-9A-Z]?)[0-9][A-Z]{2}$")]
    private static partial Regex Joined();
}
