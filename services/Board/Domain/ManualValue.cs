namespace Partnership.Board.Domain;

/// <summary>
/// A value a board officer entered for a manual indicator. Rows are never updated or deleted (a database trigger
/// refuses it): a correction is a newer row, and the newest row for a period is the one reported.
/// </summary>
public sealed class ManualValue
{
    public long Id { get; set; }
    public required string PlanId { get; set; }
    public required string IndicatorId { get; set; }
    public int FinancialYear { get; set; }
    /// <summary>0 for the whole financial year, 1–4 for a quarter.</summary>
    public int Quarter { get; set; }
    public decimal Value { get; set; }
    public int? Numerator { get; set; }
    public int? Denominator { get; set; }
    public required string Source { get; set; }
    public string? Note { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}
