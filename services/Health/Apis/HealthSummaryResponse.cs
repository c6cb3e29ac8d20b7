namespace Partnership.Health.Apis;

/// <summary>
/// The latest of each health record for one child, as the health team sees it when preparing a care leaver's health
/// summary. The "up to date" flags are judged on the service clock's today (AsOf).
/// </summary>
public sealed record HealthSummaryResponse(
    string ChildKey,
    DateOnly AsOf,
    HealthAssessmentResponse? LatestAssessment,
    bool? AssessmentUpToDate,
    DentalCheckResponse? LatestDentalCheck,
    bool? DentalCheckUpToDate,
    GpRegistrationResponse? GpRegistration,
    IReadOnlyList<ImmunisationStatusResponse> Immunisations,
    SdqScoreResponse? LatestSdq,
    IReadOnlyList<CamhsReferralResponse> CamhsReferrals,
    SubstanceMisuseResponse? LatestSubstanceMisuse);
