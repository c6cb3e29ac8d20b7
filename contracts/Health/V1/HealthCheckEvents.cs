namespace Partnership.Contracts.Health.V1;

public sealed record DentalCheckRecorded : IntegrationEvent
{
    public required DateOnly CheckedOn { get; init; }
    public required bool RegisteredWithDentist { get; init; }
}

public enum ImmunisationMilestone
{
    InitialAssessment = 1,
    AfterOneYearInCare = 2,
    Hpv = 3,
    PreschoolBooster = 4,
}

public sealed record ImmunisationStatusRecorded : IntegrationEvent
{
    public required DateOnly RecordedOn { get; init; }
    public required ImmunisationMilestone Milestone { get; init; }
    public required bool UpToDate { get; init; }
    /// <summary>Age in whole years when recorded; no date of birth leaves the health service.</summary>
    public required int AgeYears { get; init; }
}

public sealed record GpRegistrationRecorded : IntegrationEvent
{
    public required DateOnly RecordedOn { get; init; }
    public required bool Registered { get; init; }
}

/// <summary>A Strengths and Difficulties Questionnaire score (ages 4–16; 17 or more is a cause for concern).</summary>
public sealed record SdqScoreRecorded : IntegrationEvent
{
    public required DateOnly CompletedOn { get; init; }
    public required int Score { get; init; }
    public required int AgeYears { get; init; }
    public bool ReceivingTherapeuticSupport { get; init; }
    /// <summary>Score of 17 or more, as judged by the health service (indicator 5.7); absent from older events.</summary>
    public bool? CauseForConcern { get; init; }
}

public enum CamhsReferralStage
{
    Referred = 1,
    OutcomeMeasureOffered = 2,
    OutcomeMeasureCompleted = 3,
}

public sealed record CamhsReferralProgressed : IntegrationEvent
{
    public required Guid ReferralId { get; init; }
    public required CamhsReferralStage Stage { get; init; }
    public required DateOnly On { get; init; }
}

public sealed record SubstanceMisuseRecorded : IntegrationEvent
{
    public required DateOnly IdentifiedOn { get; init; }
    public required bool InterventionOffered { get; init; }
    public required bool InterventionReceived { get; init; }
}
