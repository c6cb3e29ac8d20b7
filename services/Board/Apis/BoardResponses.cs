using Partnership.Board.Catalogue;
using Partnership.Board.Indicators;

namespace Partnership.Board.Apis;

public sealed record PlanSummary(string Id, string Title, string Source, string BaselineLabel, string TargetLabel, bool Default,
    IReadOnlyList<PriorityDefinition> Priorities, IReadOnlyList<IndicatorSummary> Indicators);

public sealed record IndicatorSummary(string Id, string Priority, string ActionId, string Action, string ResponsibleArea, string? Heading,
    string Text, string Title, string Unit, string Baseline, string Target, string Comments, Polarity Polarity, decimal? BaselineValue,
    decimal? TargetValue, decimal Tolerance, SourceKind SourceKind, string? Measure, bool Supplementary, IReadOnlyList<ReviewFlag> ReviewFlags)
{
    public static IndicatorSummary From(IndicatorDefinition i) => new(i.Id, i.Priority, i.ActionId, i.Action, i.ResponsibleArea, i.Heading,
        i.Text, i.Title, i.Unit, i.Baseline, i.Target, i.Comments, i.Polarity, i.BaselineValue, i.TargetValue,
        RagRules.ToleranceFor(i.TargetValue ?? 0, i.IsPercentage, i.Tolerance), i.Source.Kind, i.Source.Measure, i.Supplementary, Catalogue.ReviewFlags.For(i));
}

public sealed record PlansResponse(IReadOnlyList<PlanSummary> Plans);

public sealed record RagCounts(int Green, int Amber, int Red, int Monitor, int NoData)
{
    public static RagCounts Of(IEnumerable<IndicatorResult> results)
    {
        var list = results.ToList();
        return new(list.Count(r => r.Rag == RagStatus.Green), list.Count(r => r.Rag == RagStatus.Amber), list.Count(r => r.Rag == RagStatus.Red),
            list.Count(r => r.Rag == RagStatus.Monitor), list.Count(r => r.Rag == RagStatus.NoData));
    }
}

public sealed record PriorityGroup(string Id, string Title, RagCounts Rag, IReadOnlyList<IndicatorResult> Indicators);

/// <summary>
/// The overview. <see cref="Period"/> and the flat <see cref="Indicators"/> list are the original shape; the groups
/// by priority carry the same results.
/// </summary>
public sealed record IndicatorsResponse(string Period, IReadOnlyList<IndicatorResult> Indicators)
{
    public string? Plan { get; init; }
    public PeriodDto? PeriodDetail { get; init; }
    public string Source { get; init; } = "stored";
    /// <summary>True when a result was served while a newer fact change was still being applied to it (see each result's asAt).</summary>
    public bool Pending { get; init; }
    public IReadOnlyList<PriorityGroup> Priorities { get; init; } = [];
}

public sealed record IndicatorDetail(
    string Plan,
    IndicatorSummary Indicator,
    IndicatorResult Current,
    IReadOnlyList<IndicatorResult> Quarters,
    IReadOnlyList<IndicatorResult> Years,
    DateTimeOffset? AsAt)
{
    /// <summary>True when a result was served while a newer fact change was still being applied to it.</summary>
    public bool Pending { get; init; }
}
