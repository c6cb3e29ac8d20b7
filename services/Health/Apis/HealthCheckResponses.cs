namespace Partnership.Health.Apis;

public sealed record DentalCheckResponse(Guid Id, string ChildKey, DateOnly CheckedOn, bool RegisteredWithDentist, DateTimeOffset RecordedAt);

public sealed record GpRegistrationResponse(Guid Id, string ChildKey, DateOnly RecordedOn, bool Registered, DateTimeOffset RecordedAt);

public sealed record ImmunisationStatusResponse(Guid Id, string ChildKey, DateOnly RecordedOn, string Milestone, bool UpToDate, int AgeYears, DateTimeOffset RecordedAt);

public sealed record SdqScoreResponse(
    Guid Id, string ChildKey, DateOnly CompletedOn, int Score, int AgeYears, bool ReceivingTherapeuticSupport, bool CauseForConcern, DateTimeOffset RecordedAt);

public sealed record SubstanceMisuseResponse(
    Guid Id, string ChildKey, DateOnly IdentifiedOn, bool InterventionOffered, bool InterventionReceived, DateTimeOffset RecordedAt);

public sealed record CamhsReferralResponse(
    Guid Id, string ChildKey, string Stage, DateOnly ReferredOn, DateOnly? OutcomeMeasureOfferedOn, DateOnly? OutcomeMeasureCompletedOn, DateTimeOffset RecordedAt);
