namespace Partnership.CareRegister.Placements;

/// <summary>
/// UK postcodes as SSDA903 and case systems carry them: full ("NG1 5FS", "NG15FS"), to the sector ("NG1 5") or the
/// district alone ("NG1"). Only the district (outward code) is needed to place a postcode on the map.
/// </summary>
/// <remarks>
/// Parsed by hand over spans rather than split and matched with patterns: an SSDA903 import places two postcodes of
/// every episode, and the upper-casing, splitting and three regular expressions were a visible share of its CPU and of
/// its garbage. The grammar is unchanged: district <c>[A-Z]{1,2}[0-9][0-9A-Z]?</c>, then an inward code
/// <c>[0-9][A-Z]{2}</c>, its sector digit alone, or nothing, with or without spaces between.
/// </remarks>
public static class Postcodes
{
    public const int MaxLength = 8;

    /// <summary>The longest district (outward code): what a buffer for <see cref="TryDistrict"/> must hold.</summary>
    public const int MaxDistrictLength = 4;

    /// <summary>The district (outward code), or null when the text is not a postcode.</summary>
    public static string? District(string? postcode)
    {
        Span<char> district = stackalloc char[MaxDistrictLength];
        return TryDistrict(postcode, district, out var length) ? new string(district[..length]) : null;
    }

    /// <summary>
    /// Writes the district of <paramref name="postcode"/>, upper case, to the start of <paramref name="district"/>
    /// (at least <see cref="MaxDistrictLength"/> long); false when the text is not a postcode.
    /// </summary>
    public static bool TryDistrict(ReadOnlySpan<char> postcode, Span<char> district, out int length)
    {
        length = 0;
        var text = postcode.Trim();
        if (text.IsEmpty || text.Length > MaxLength + 2)
        {
            return false;
        }
        Span<char> upper = stackalloc char[MaxLength + 2];
        for (var i = 0; i < text.Length; i++)
        {
            upper[i] = char.ToUpperInvariant(text[i]);
        }
        upper = upper[..text.Length];

        var firstEnd = upper.IndexOf(' ');
        scoped ReadOnlySpan<char> outward;
        if (firstEnd < 0)
        {
            // One part: a whole postcode written without its space, or a district alone.
            outward = upper.Length > 3 && IsInward(upper[^3..]) && IsOutward(upper[..^3]) ? upper[..^3]
                : IsOutward(upper) ? upper : [];
        }
        else
        {
            var inward = upper[firstEnd..].TrimStart(' ');
            outward = !inward.Contains(' ') && IsInward(inward) && IsOutward(upper[..firstEnd]) ? upper[..firstEnd] : [];
        }
        if (outward.IsEmpty)
        {
            return false;
        }
        outward.CopyTo(district);
        length = outward.Length;
        return true;
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

    /// <summary><c>[A-Z]{1,2}[0-9][0-9A-Z]?</c></summary>
    private static bool IsOutward(ReadOnlySpan<char> part)
    {
        if (part.Length < 2 || !char.IsAsciiLetterUpper(part[0]))
        {
            return false;
        }
        var digit = char.IsAsciiLetterUpper(part[1]) ? 2 : 1;
        return part.Length > digit && char.IsAsciiDigit(part[digit]) && part.Length <= digit + 2
            && (part.Length == digit + 1 || char.IsAsciiDigit(part[digit + 1]) || char.IsAsciiLetterUpper(part[digit + 1]));
    }

    /// <summary><c>[0-9]([A-Z]{2})?</c>: an inward code, or its sector digit alone for a postcode given to the sector.</summary>
    private static bool IsInward(ReadOnlySpan<char> part) =>
        part.Length is 1 or 3 && char.IsAsciiDigit(part[0]) && (part.Length == 1 || (char.IsAsciiLetterUpper(part[1]) && char.IsAsciiLetterUpper(part[2])));
}
