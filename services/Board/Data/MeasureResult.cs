namespace Partnership.Board.Data;

/// <summary>
/// A computed measure's raw counts for one period, kept so the board can answer without recomputing. Raw counts never
/// leave the service as they are: suppression is applied when they are published. A row is current while no fact kind
/// the measure reads has changed since <see cref="Basis"/> and its SQL is still <see cref="Definition"/>.
/// </summary>
public sealed class MeasureResult
{
    public required string MeasureId { get; set; }
    public int FinancialYear { get; set; }
    /// <summary>0 for the whole financial year, 1–4 for a quarter.</summary>
    public int Quarter { get; set; }
    public long Numerator { get; set; }
    public long? Denominator { get; set; }
    /// <summary>The newest <see cref="FactKindVersion.Version"/> visible to the snapshot the counts were computed in.</summary>
    public long Basis { get; set; }
    /// <summary>A hash of the measure's SQL, so a changed measure is recomputed rather than served from its old definition.</summary>
    public required string Definition { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public int ComputeMilliseconds { get; set; }
}
