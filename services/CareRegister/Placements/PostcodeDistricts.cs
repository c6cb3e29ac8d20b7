using System.Collections.Frozen;
using System.Globalization;

namespace Partnership.CareRegister.Placements;

/// <summary>
/// Approximate centres of the postcode districts around the demo authority, from PostcodeDistricts.csv (see the
/// README beside it for how it was made and how production would replace it).
/// </summary>
public sealed class PostcodeDistricts
{
    private const string Resource = "Partnership.CareRegister.PostcodeDistricts.csv";

    private readonly FrozenDictionary<string, (double Latitude, double Longitude)> _centres;
    private readonly FrozenDictionary<string, (double Latitude, double Longitude)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private PostcodeDistricts(FrozenDictionary<string, (double, double)> centres) =>
        (_centres, _bySpan) = (centres, centres.GetAlternateLookup<ReadOnlySpan<char>>());

    public static PostcodeDistricts Embedded { get; } = Load();

    public int Count => _centres.Count;

    public IEnumerable<string> Districts => _centres.Keys;

    /// <summary>The district centre of a postcode, or null when it is not a postcode or its district is not held.</summary>
    public (double Latitude, double Longitude)? Locate(string? postcode) => Postcodes.District(postcode) is { } district ? CentreOf(district) : null;

    /// <summary>The centre of a district (an outward code as <see cref="Postcodes.District"/> gives it), or null when it is not held.</summary>
    public (double Latitude, double Longitude)? CentreOf(string district) => _centres.TryGetValue(district, out var centre) ? centre : null;

    /// <summary>As <see cref="CentreOf(string)"/>, for a district still in the caller's buffer.</summary>
    public (double Latitude, double Longitude)? CentreOf(ReadOnlySpan<char> district) => _bySpan.TryGetValue(district, out var centre) ? centre : null;

    private static PostcodeDistricts Load()
    {
        using var stream = typeof(PostcodeDistricts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var centres = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split(',');
            centres.Add(fields[0], (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture)));
        }
        return new PostcodeDistricts(centres.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
