namespace Partnership.Board.Indicators;

public enum RagStatus
{
    Green,
    Amber,
    Red,
    /// <summary>The indicator has no numeric target: it is watched, not judged.</summary>
    Monitor,
    /// <summary>There is a target but no publishable value for the period (no data, or suppressed).</summary>
    NoData,
}

public enum Direction
{
    Improving,
    Declining,
    Stable,
    /// <summary>This period or the previous one has no publishable value.</summary>
    NotComparable,
}

/// <summary>
/// Status against target and direction against the previous period. Green is on or beyond the target in the good
/// direction, amber is short of it by no more than the tolerance, red is further off. Percentages get a default
/// tolerance of 5 percentage points; counts and averages 10% of the target (at least 1).
/// </summary>
public static class RagRules
{
    public const decimal DefaultPercentageTolerance = 5m;
    public const decimal DefaultRelativeTolerance = 0.10m;
    /// <summary>Percentage moves smaller than this are noise at partnership scale, not a trend.</summary>
    public const decimal StablePercentageBand = 0.5m;

    public static decimal ToleranceFor(decimal target, bool isPercentage, decimal? configured) =>
        configured ?? (isPercentage ? DefaultPercentageTolerance : Math.Max(1m, Math.Abs(target) * DefaultRelativeTolerance));

    public static RagStatus Status(decimal? value, decimal? target, Polarity polarity, bool isPercentage, decimal? tolerance = null)
    {
        if (target is not { } t)
        {
            return RagStatus.Monitor;
        }
        if (value is not { } v)
        {
            return RagStatus.NoData;
        }
        if (!Compare.IsWorse(v, t, polarity))
        {
            return RagStatus.Green;
        }
        return Math.Abs(v - t) <= ToleranceFor(t, isPercentage, tolerance) ? RagStatus.Amber : RagStatus.Red;
    }

    public static Direction Trend(decimal? current, decimal? previous, Polarity polarity, bool isPercentage)
    {
        if (current is not { } c || previous is not { } p)
        {
            return Direction.NotComparable;
        }
        var band = isPercentage ? StablePercentageBand : 0m;
        if (Math.Abs(c - p) <= band)
        {
            return Direction.Stable;
        }
        return Compare.IsBetter(c, p, polarity) ? Direction.Improving : Direction.Declining;
    }
}
