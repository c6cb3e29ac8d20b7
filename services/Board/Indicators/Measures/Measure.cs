namespace Partnership.Board.Indicators.Measures;

public enum MeasureShape
{
    /// <summary>Children (or cases) meeting the measure over those in its cohort, as a percentage.</summary>
    Percentage,
    /// <summary>A count of children or cases; no denominator.</summary>
    Count,
    /// <summary>Total days over the number of cases: an average in days.</summary>
    AverageDays,
    /// <summary>Sessions over sessions (absence): a percentage whose cells are not counts of children.</summary>
    SessionRate,
}

/// <summary>
/// A computed measure: one SQL statement over the fact tables, aggregated in PostgreSQL, that returns the columns
/// "Numerator" and "Denominator" for the period bound to @from and @to (inclusive dates).
/// </summary>
public sealed record Measure(string Id, MeasureShape Shape, string Sql);

public sealed record MeasureCounts(long Numerator, long? Denominator);
