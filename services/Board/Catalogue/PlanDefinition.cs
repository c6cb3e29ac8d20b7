using Partnership.Board.Indicators;

namespace Partnership.Board.Catalogue;

/// <summary>A plan as written in Plans/*.json: its priorities and every indicator line, source values kept verbatim.</summary>
public sealed record PlanDefinition(
    string Id,
    string Title,
    string Source,
    string BaselineLabel,
    string TargetLabel,
    bool Default,
    IReadOnlyList<PriorityDefinition> Priorities,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<SuppressionGroup>? SuppressionGroups = null)
{
    public IndicatorDefinition? Indicator(string id) => Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));

    public SuppressionGroup? GroupOf(string indicatorId) =>
        SuppressionGroups?.FirstOrDefault(g => g.Total == indicatorId || g.Parts.Contains(indicatorId));
}

/// <summary>Indicators whose numerators are parts of another's (absence split), suppressed together.</summary>
public sealed record SuppressionGroup(string Total, IReadOnlyList<string> Parts)
{
    public IEnumerable<string> Members => [Total, .. Parts];
}

public sealed record PriorityDefinition(string Id, string Title, string SourceHeading, string? ReviewNote);

public sealed record IndicatorSource(SourceKind Kind, string? Measure);

/// <summary>
/// One indicator line. <see cref="Baseline"/>, <see cref="Target"/> and <see cref="Text"/> are the source's words;
/// <see cref="BaselineValue"/> and <see cref="TargetValue"/> are the numbers read from them (null where the source
/// gives none), and <see cref="Tolerance"/> overrides the default amber band.
/// </summary>
public sealed record IndicatorDefinition(
    string Id,
    string Priority,
    string ActionId,
    string Action,
    string ResponsibleArea,
    string? Heading,
    string Text,
    string Title,
    string Unit,
    string Baseline,
    string Target,
    string Comments,
    Polarity Polarity,
    decimal? BaselineValue,
    decimal? TargetValue,
    decimal? Tolerance,
    IndicatorSource Source,
    IReadOnlyList<string> ReviewNotes,
    bool Supplementary = false,
    bool CountsChildren = true)
{
    public bool IsPercentage => Unit == "%";
}
