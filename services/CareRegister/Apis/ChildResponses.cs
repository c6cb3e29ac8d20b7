namespace Partnership.CareRegister.Apis;

public sealed record EpisodeResponse(
    DateOnly Start, DateOnly? End, string ReasonNewEpisode, string LegalStatus, string PlacementType, string? PlacementProvider,
    bool? WithinTwentyMiles, string? ReasonPlaceChange, string? ReasonCeased, string? HomePostcode, string? PlacementPostcode);

public sealed record AdoptionMilestoneResponse(string Milestone, DateOnly On, DateOnly EnteredCareOn, DateTimeOffset RecordedAt);

public sealed record ReviewResponse(DateOnly DueOn, DateOnly HeldOn, string ParticipationCode);

/// <summary>The full person record: only for callers with care-register.read (the local authority's own staff and systems).</summary>
public sealed record ChildResponse(
    string ChildKey,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    int Sex,
    string Ethnicity,
    string? NhsNumber,
    string? Upn,
    string? PoliceReference,
    string? LocalChildId,
    bool InCare,
    string? CareLeaverCategory,
    DateOnly? CareLeaverSince,
    DateOnly? NextReviewDue,
    IReadOnlyList<EpisodeResponse> Episodes,
    IReadOnlyList<ReviewResponse> Reviews,
    IReadOnlyList<AdoptionMilestoneResponse> AdoptionMilestones);

public sealed record ChildSummaryResponse(string ChildKey, string GivenName, string FamilyName, bool InCare, string? CareLeaverCategory);

public sealed record ResolveChildResponse(string ChildKey);
