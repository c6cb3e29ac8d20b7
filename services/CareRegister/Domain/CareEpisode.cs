using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Domain;

/// <summary>A period with one legal status and one placement, as SSDA903 counts episodes; any change starts a new one.</summary>
public sealed class CareEpisode
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    /// <summary>SSDA903 RNE: S started care, P placement change, L legal status change, B both.</summary>
    public required string ReasonNewEpisode { get; set; }
    public required string LegalStatus { get; set; }
    public required string PlacementType { get; set; }
    public PlacementProvider? Provider { get; set; }
    /// <summary>Postcodes of the child's home before care and of the placement (SSDA903 HOME_POST, PL_POST); they stay here.</summary>
    public string? HomePostcode { get; set; }
    public string? PlacementPostcode { get; set; }
    public bool? WithinTwentyMiles { get; set; }
    public string? ReasonPlaceChange { get; set; }
    /// <summary>SSDA903 REC; X1 when a new episode followed and the child stayed in care.</summary>
    public string? ReasonCeased { get; set; }
}
