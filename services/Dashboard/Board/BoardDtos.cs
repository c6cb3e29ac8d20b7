namespace Partnership.Dashboard.Board;

// The board API's JSON as the dashboard reads it (services/Board/Apis). Enums travel as names and are kept as strings
// here, so a new value on the API side shows up as text instead of breaking the page.

public sealed record PlansDto(IReadOnlyList<PlanDto> Plans);

public sealed record PlanDto(string Id, string Title, string? Source, string? BaselineLabel, string? TargetLabel, bool Default,
    IReadOnlyList<PriorityDto> Priorities, IReadOnlyList<IndicatorInfoDto> Indicators);

public sealed record PriorityDto(string Id, string Title, string? SourceHeading, string? ReviewNote);

public sealed record ReviewFlagDto(string Code, string Reason);

public sealed record IndicatorInfoDto(string Id, string Priority, string ActionId, string? Action, string? ResponsibleArea, string? Heading,
    string? Text, string Title, string Unit, string? Baseline, string? Target, string? Comments, string Polarity, decimal? BaselineValue,
    decimal? TargetValue, decimal? Tolerance, string SourceKind, string? Measure, bool Supplementary, IReadOnlyList<ReviewFlagDto>? ReviewFlags);

public sealed record PeriodDto(string Label, DateOnly From, DateOnly To);

public sealed record CountDto(int? Value, bool Suppressed);

public sealed record IndicatorResultDto(string Id, string ActionId, string Title, string Unit, string Polarity, PeriodDto Period,
    CountDto? Numerator, CountDto? Denominator, decimal? Value, DateTimeOffset? AsAt, string? Priority, string? SourceKind, string? Baseline,
    decimal? BaselineValue, string? Target, decimal? TargetValue, string? Rag, decimal? PreviousValue, string? Trend,
    IReadOnlyList<ReviewFlagDto>? ReviewFlags)
{
    /// <summary>
    /// Nothing recorded for the period. The API marks an empty count as hidden too, so "no data" is told apart from
    /// suppression by the missing as-at time (every computed result and every manual entry has one).
    /// </summary>
    public bool HasNoData => Value is null && AsAt is null;

    /// <summary>Suppressed to protect small numbers: the value is withheld although the data exists.</summary>
    public bool IsSuppressed => !HasNoData && Value is null && (Numerator?.Suppressed == true || Denominator?.Suppressed == true);
}

public sealed record RagCountsDto(int Green, int Amber, int Red, int Monitor, int NoData);

public sealed record PriorityGroupDto(string Id, string Title, RagCountsDto? Rag, IReadOnlyList<IndicatorResultDto> Indicators);

public sealed record OverviewDto(string Period, IReadOnlyList<IndicatorResultDto> Indicators, string? Plan, PeriodDto? PeriodDetail,
    string? Source, IReadOnlyList<PriorityGroupDto>? Priorities);

public sealed record IndicatorDetailDto(string Plan, IndicatorInfoDto Indicator, IndicatorResultDto Current,
    IReadOnlyList<IndicatorResultDto> Quarters, IReadOnlyList<IndicatorResultDto> Years, DateTimeOffset? AsAt);

/// <summary>The body of POST /api/board/indicators/{id}/manual-values.</summary>
public sealed record ManualValueDto(int? Year, int? Quarter, decimal? Value, int? Numerator, int? Denominator, string? Source, string? Note);
