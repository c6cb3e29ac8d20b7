namespace Partnership.Board.Domain;

/// <summary>
/// A computed indicator for one period as the board last rebuilt it. Raw (unsuppressed) numbers stay inside the
/// service; suppression is applied when a snapshot is read out.
/// </summary>
public sealed class IndicatorSnapshot
{
    public required string PlanId { get; set; }
    public required string IndicatorId { get; set; }
    public int FinancialYear { get; set; }
    /// <summary>0 for the whole financial year, 1–4 for a quarter.</summary>
    public int Quarter { get; set; }
    public long? Numerator { get; set; }
    public long? Denominator { get; set; }
    public decimal? Value { get; set; }
    public DateTimeOffset AsAt { get; set; }
}
