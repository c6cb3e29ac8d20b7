using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Ssda903;

/// <summary>One Episodes row that passed the row rules; cross-episode rules may still exclude it.</summary>
public sealed class Ssda903Episode
{
    public required int Line { get; init; }
    public required Ssda903Child Child { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public required string ReasonNewEpisode { get; init; }
    public required string LegalStatus { get; init; }
    public string? CategoryOfNeed { get; init; }
    public required string Placement { get; init; }
    public string? ProviderCode { get; init; }
    public string? ReasonCeased { get; init; }
    public string? ReasonPlaceChange { get; init; }
    public string? HomePostcode { get; init; }
    public string? PlacementPostcode { get; init; }
    public string? Urn { get; init; }
    /// <summary>Miles from home to placement: PL_DISTANCE when the file carries it, else from the postcodes' districts.</summary>
    public double? Miles { get; init; }
    public bool? WithinTwentyMiles { get; init; }
    public bool Excluded { get; set; }

    public bool ShortBreak => Ssda903Codes.ShortBreakLegalStatus.Contains(LegalStatus);

    /// <summary>PR0–PR5 are the enum's values in order.</summary>
    public PlacementProvider? Provider => ProviderCode is { Length: 3 } code ? (PlacementProvider)(code[2] - '0') : null;
}
