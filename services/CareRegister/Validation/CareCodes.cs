using Partnership.CareRegister.Ssda903;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Validation;

/// <summary>The API accepts the SSDA903 codes the return uses, so register data and imported data line up.</summary>
public static class CareCodes
{
    public static bool IsLegalStatus(string? code) => code is not null && Ssda903Codes.LegalStatus.Contains(code);
    public static bool IsPlacement(string? code) => code is not null && Ssda903Codes.Placement.Contains(code);
    public static bool IsProviderOrBlank(string? code) => code is null || Ssda903Codes.PlacementProvider.Contains(code);
    public static bool IsReasonCeasedCare(string? code) => code is not null && code != Ssda903Codes.EpisodeContinues && Ssda903Codes.ReasonCeased.Contains(code);
    public static bool IsPlaceChangeReasonOrBlank(string? code) => code is null || Ssda903Codes.ReasonPlaceChange.Contains(code);
    public static bool IsParticipation(string? code) => code is not null && Ssda903Codes.ReviewParticipation.Contains(code);
    public static PlacementProvider? Provider(string? code) => code is { Length: 3 } ? (PlacementProvider)(code[2] - '0') : null;

    public static string? ProviderCode(PlacementProvider? provider) => provider is { } p ? $"PR{(int)p}" : null;
}
