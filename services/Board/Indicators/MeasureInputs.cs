using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Partnership.Board.Domain;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Indicators;

/// <summary>
/// What a measure's result depends on: the fact kinds its SQL reads and the SQL itself. Read from the SQL text rather
/// than declared beside it, so a measure edited or added later is tracked without anyone remembering to update a list.
/// </summary>
public sealed partial record MeasureInputs(IReadOnlySet<string> Kinds, bool AnyKind, string Definition)
{
    /// <summary>The change noted when a fact table is truncated: every result is affected.</summary>
    public const string EveryKind = "*";

    /// <summary>Fact tables without a kind column; their changes are noted under the table's name.</summary>
    public static readonly IReadOnlyList<string> KindlessTables = ["health_assessment_facts", "ssda903_imports"];

    private static readonly FrozenSet<string> KnownKinds = typeof(FactKinds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MeasureInputs> ByMeasure =
        MeasureCatalogue.All.Values.ToFrozenDictionary(m => m.Id, Read, StringComparer.Ordinal);

    public static MeasureInputs Of(Measure measure) => ByMeasure.TryGetValue(measure.Id, out var inputs) ? inputs : Read(measure);

    public static MeasureInputs Of(string measureId) => ByMeasure[measureId];

    /// <summary>
    /// Every quoted literal that names a fact kind counts as a kind read (a code that happened to share a kind's name
    /// would only cause extra refreshes). A measure that reads child_facts without naming any kind depends on all.
    /// </summary>
    public static MeasureInputs Read(Measure measure)
    {
        var kinds = Literal().Matches(measure.Sql).Select(m => m.Groups[1].Value).Where(KnownKinds.Contains).ToHashSet(StringComparer.Ordinal);
        kinds.UnionWith(KindlessTables.Where(t => measure.Sql.Contains(t, StringComparison.OrdinalIgnoreCase)));
        var anyKind = measure.Sql.Contains("child_facts", StringComparison.OrdinalIgnoreCase) && !kinds.Any(KnownKinds.Contains);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{measure.Shape}\n{measure.Sql}"));
        // Sixteen letters a–p (one per half byte) rather than hex: no digits, so a stored hash can never look like an
        // NHS number or a UPN to the board's privacy scan.
        var definition = string.Concat(hash.Take(8).Select(b => $"{(char)('a' + (b >> 4))}{(char)('a' + (b & 15))}"));
        return new MeasureInputs(kinds, anyKind, definition);
    }

    [GeneratedRegex("'([A-Za-z0-9_]+)'")]
    private static partial Regex Literal();
}
