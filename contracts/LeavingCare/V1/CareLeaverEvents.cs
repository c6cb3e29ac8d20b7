namespace Partnership.Contracts.LeavingCare.V1;

/// <summary>SSDA903 IN_TOUCH values.</summary>
public enum InTouchStatus
{
    Yes = 1,
    No = 2,
    Refused = 3,
    NotRequired = 4,
    Died = 5,
    ReturnedHome = 6,
}

public sealed record CareLeaverContactRecorded : IntegrationEvent
{
    public required DateOnly ContactOn { get; init; }
    public required InTouchStatus InTouch { get; init; }
    public required int AgeYears { get; init; }
    /// <summary>Whether the contact fell in the SSDA903 window (3 months before to 1 month after the birthday); null from older senders.</summary>
    public bool? WithinBirthdayWindow { get; init; }
}

public sealed record CareLeaverActivityRecorded : IntegrationEvent
{
    public required DateOnly RecordedOn { get; init; }
    /// <summary>SSDA903 ACTIV code, e.g. F1/P1 higher education, F2/P2 other education, F4/P4 training or employment, G4–G6 NEET.</summary>
    public required string ActivityCode { get; init; }
    public required bool InEducationEmploymentOrTraining { get; init; }
    public required bool InHigherEducation { get; init; }
    public required int AgeYears { get; init; }
}

public sealed record CareLeaverAccommodationRecorded : IntegrationEvent
{
    public required DateOnly RecordedOn { get; init; }
    /// <summary>SSDA903 ACCOM letter (B with parents … Z other).</summary>
    public required string AccommodationType { get; init; }
    public required bool Suitable { get; init; }
    public required int AgeYears { get; init; }
}

public sealed record StayingPutChanged : IntegrationEvent
{
    public required DateOnly On { get; init; }
    public required bool InStayingPut { get; init; }
}

public sealed record PathwayPlanCompleted : IntegrationEvent
{
    public required Guid PlanId { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public DateOnly? AuthorisedOn { get; init; }
    public required int AgeYears { get; init; }
}

public sealed record PersonalAdviserAllocated : IntegrationEvent
{
    public required DateOnly AllocatedOn { get; init; }
}

/// <summary>
/// A young person started the Independent Living Skills Programme booklet (action 3.2) while still a child; the board
/// counts it for those looked after at the period end. Named apart from CareRegister.V1.LivingSkillsProgrammeStarted,
/// which no service publishes, so code using both domains needs no aliases.
/// </summary>
public sealed record LivingSkillsBookletStarted : IntegrationEvent
{
    public required DateOnly StartedOn { get; init; }
    public required int AgeYears { get; init; }
}
