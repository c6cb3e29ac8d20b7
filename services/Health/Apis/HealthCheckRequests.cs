namespace Partnership.Health.Apis;

// Requests from the health team's system. Nullable fields so a missing value is a field error, enums as strings.

public sealed record RecordDentalCheckRequest(string? ChildKey, DateOnly? CheckedOn, bool? RegisteredWithDentist);

public sealed record RecordGpRegistrationRequest(string? ChildKey, DateOnly? RecordedOn, bool? Registered);

public sealed record RecordImmunisationStatusRequest(string? ChildKey, DateOnly? RecordedOn, string? Milestone, bool? UpToDate, int? AgeYears);

public sealed record RecordSdqScoreRequest(string? ChildKey, DateOnly? CompletedOn, int? Score, int? AgeYears, bool? ReceivingTherapeuticSupport);

public sealed record RecordSubstanceMisuseRequest(string? ChildKey, DateOnly? IdentifiedOn, bool? InterventionOffered, bool? InterventionReceived);

public sealed record StartCamhsReferralRequest(string? ChildKey, DateOnly? ReferredOn);

/// <summary>The date a CAMHS referral reached its next stage.</summary>
public sealed record CamhsStageRequest(DateOnly? On);
