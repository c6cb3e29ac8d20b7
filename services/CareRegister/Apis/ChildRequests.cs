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

public sealed record EnterCareRequest(DateOnly? EnteredCareOn, string? LegalStatus, string? PlacementType, string? PlacementProvider, bool? WithinTwentyMiles);

public sealed record ChangePlacementRequest(DateOnly? ChangedOn, string? PlacementType, string? PlacementProvider, bool? WithinTwentyMiles, string? Reason);

public sealed record ChangeLegalStatusRequest(DateOnly? ChangedOn, string? LegalStatus);

public sealed record CeaseCareRequest(DateOnly? CeasedOn, string? ReasonCode);

public sealed record BecomeCareLeaverRequest(DateOnly? On, string? Category);

public sealed record RecordReviewRequest(DateOnly? HeldOn, DateOnly? DueOn, string? ParticipationCode);

public sealed record ResolveChildRequest(string? IdentifierType, string? Value);
