using Partnership.Board.Catalogue;

namespace Partnership.Board.Indicators;

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

public sealed record PeriodDto(string Label, DateOnly From, DateOnly To);

/// <summary>
/// An indicator as it leaves the service: suppression already applied. The first ten members are the original shape
/// (kept for existing callers); the rest place the value against its plan.
/// </summary>
public sealed record IndicatorResult(
    string Id,
    string ActionId,
    string Title,
    string Unit,
    Polarity Polarity,
    PeriodDto Period,
    SuppressedCount Numerator,
    SuppressedCount Denominator,
    decimal? Value,
    DateTimeOffset? AsAt)
{
    public string? Priority { get; init; }
    public SourceKind? SourceKind { get; init; }
    public string? Baseline { get; init; }
    public decimal? BaselineValue { get; init; }
    public string? Target { get; init; }
    public decimal? TargetValue { get; init; }
    public RagStatus? Rag { get; init; }
    public decimal? PreviousValue { get; init; }
    public Direction? Trend { get; init; }
    public IReadOnlyList<ReviewFlag> ReviewFlags { get; init; } = [];
}
