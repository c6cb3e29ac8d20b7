namespace Partnership.CareRegister.Apis;

// Fields are nullable and codes are strings so that a missing or unknown value is a field error, not a parse failure.

public sealed record CreateChildRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    int? Sex,
    string? Ethnicity,
    string? NhsNumber,
    string? Upn,
    string? PoliceReference,
    string? LocalChildId);

// Postcodes (SSDA903 HOME_POST, PL_POST) are optional; when given and WithinTwentyMiles is not, the register derives it.

public sealed record EnterCareRequest(
    DateOnly? EnteredCareOn, string? LegalStatus, string? PlacementType, string? PlacementProvider, bool? WithinTwentyMiles,
    string? HomePostcode = null, string? PlacementPostcode = null);

/// <summary>HomePostcode defaults to the one recorded for the current episode: a move changes the placement, not the home.</summary>
public sealed record ChangePlacementRequest(
    DateOnly? ChangedOn, string? PlacementType, string? PlacementProvider, bool? WithinTwentyMiles, string? Reason,
    string? HomePostcode = null, string? PlacementPostcode = null);

public sealed record ChangeLegalStatusRequest(DateOnly? ChangedOn, string? LegalStatus);

public sealed record CeaseCareRequest(DateOnly? CeasedOn, string? ReasonCode);

public sealed record BecomeCareLeaverRequest(DateOnly? On, string? Category);

public sealed record RecordReviewRequest(DateOnly? HeldOn, DateOnly? DueOn, string? ParticipationCode);

/// <summary>Milestone is an AdoptionMilestone name, e.g. PlacementOrder or MatchApproved.</summary>
public sealed record RecordAdoptionMilestoneRequest(string? Milestone, DateOnly? On);

public sealed record ResolveChildRequest(string? IdentifierType, string? Value);
