namespace Partnership.Contracts.CareRegister.V1;

/// <summary>Placement provider, as SSDA903 PLACE_PROVIDER (PR0–PR5): own provision versus agencies.</summary>
public enum PlacementProvider
{
    Parents = 0,
    OwnLocalAuthority = 1,
    OtherLocalAuthority = 2,
    OtherPublicProvision = 3,
    PrivateProvision = 4,
    VoluntaryOrThirdSector = 5,
}

public sealed record ChildEnteredCare : IntegrationEvent
{
    public required DateOnly EnteredCareOn { get; init; }
    /// <summary>SSDA903 LS code, e.g. C2, J2, V2.</summary>
    public required string LegalStatus { get; init; }
    /// <summary>SSDA903 PLACE code, e.g. U1 (foster placement with relative or friend), K2 (children's home).</summary>
    public required string PlacementType { get; init; }
    public PlacementProvider? Provider { get; init; }
    public bool? WithinTwentyMiles { get; init; }
    public required int AgeYears { get; init; }
}

public sealed record PlacementChanged : IntegrationEvent
{
    public required DateOnly ChangedOn { get; init; }
    public required string PlacementType { get; init; }
    public PlacementProvider? Provider { get; init; }
    public bool? WithinTwentyMiles { get; init; }
    /// <summary>SSDA903 REASON_PLACE_CHANGE where known.</summary>
    public string? Reason { get; init; }
}

public sealed record LegalStatusChanged : IntegrationEvent
{
    public required DateOnly ChangedOn { get; init; }
    public required string LegalStatus { get; init; }
}

public sealed record CeasedCare : IntegrationEvent
{
    public required DateOnly CeasedOn { get; init; }
    /// <summary>SSDA903 REC code, e.g. E11 adoption, E43/E44 special guardianship, E45/E46 child arrangements order.</summary>
    public required string ReasonCode { get; init; }
}

public enum CareLeaverCategory
{
    Eligible = 1,
    Relevant = 2,
    FormerRelevant = 3,
    QualifyingCareLeaver = 4,
}

public sealed record BecameCareLeaver : IntegrationEvent
{
    public required DateOnly On { get; init; }
    public required CareLeaverCategory Category { get; init; }
}

public sealed record ChildInCareReviewHeld : IntegrationEvent
{
    public required DateOnly HeldOn { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>SSDA903 REVIEW_CODE PN0–PN7; PN0 means the child did not participate.</summary>
    public required string ParticipationCode { get; init; }
}

/// <summary>
/// The steps of a child's adoption the scorecard times. From an SSDA903 return the care register derives the best
/// interest decision ("date should be placed", AD1 DATE_INT / Placed for adoption DATE_PLACED), the placement order
/// (first LS E1 episode), the match (AD1 DATE_MATCH), placed for adoption (first PLACE A3–A6 episode), adopted
/// (REC E11/E12) and a revoked plan (DATE_PLACED_CEASED); the decision maker's plan approval is recorded only live.
/// </summary>
public enum AdoptionMilestone
{
    BestInterestDecision = 1,
    PlanApprovedByDecisionMaker = 2,
    PlacementOrder = 3,
    MatchApproved = 4,
    PlacedForAdoption = 5,
    Adopted = 6,
    PlanRevoked = 7,
}

public sealed record AdoptionMilestoneReached : IntegrationEvent
{
    public required AdoptionMilestone Milestone { get; init; }
    public required DateOnly On { get; init; }
    public required DateOnly EnteredCareOn { get; init; }
}

/// <summary>
/// Not published by any service today: the leaving care service, which runs the programme, publishes
/// <see cref="LeavingCare.V1.LivingSkillsBookletStarted"/> on its own exchange, and the board reads both as one fact.
/// </summary>
public sealed record LivingSkillsProgrammeStarted : IntegrationEvent
{
    public required DateOnly StartedOn { get; init; }
}
