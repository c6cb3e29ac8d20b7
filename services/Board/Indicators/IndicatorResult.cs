namespace Partnership.Board.Indicators;

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

public sealed record PeriodDto(string Label, DateOnly From, DateOnly To);

/// <summary>An indicator as it leaves the service: suppression already applied.</summary>
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
    DateTimeOffset? AsAt);
