namespace Partnership.Contracts.VirtualSchool.V1;

/// <summary>
/// A child's attendance for one school week, summarised from session marks. A later summary for the same child and
/// week replaces the earlier one (corrections and late marks), so consumers keep the newest by OccurredAt.
/// </summary>
public sealed record AttendanceWeekSummarised : IntegrationEvent
{
    public required DateOnly WeekStarting { get; init; }
    public required int PossibleSessions { get; init; }
    public required int AuthorisedAbsences { get; init; }
    public required int UnauthorisedAbsences { get; init; }
}

public enum ExclusionType
{
    FixedTerm = 1,
    Permanent = 2,
}

public sealed record ExclusionRecorded : IntegrationEvent
{
    public required Guid ExclusionId { get; init; }
    public required ExclusionType Type { get; init; }
    public required DateOnly StartDate { get; init; }
    public required decimal Sessions { get; init; }
}

public enum PepQuality
{
    Inadequate = 1,
    RequiresImprovement = 2,
    Good = 3,
    Outstanding = 4,
}

public sealed record PersonalEducationPlanCompleted : IntegrationEvent
{
    public required Guid PepId { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public required DateOnly DueOn { get; init; }
    public PepQuality? Quality { get; init; }
}

public sealed record AttainmentRecorded : IntegrationEvent
{
    /// <summary>Academic year by its end, e.g. 2017 for 2016/17.</summary>
    public required int AcademicYear { get; init; }
    public required int KeyStage { get; init; }
    public required bool FiveOrMoreAToC { get; init; }
    public required bool FiveOrMoreAToCIncludingEnglishAndMaths { get; init; }
    public required bool LookedAfterTwelveMonthsAt31March { get; init; }
}

public sealed record SchoolAdmissionProcessed : IntegrationEvent
{
    public required DateOnly RequestedOn { get; init; }
    public required DateOnly AdmittedOn { get; init; }
    public required int SchoolDaysTaken { get; init; }
}

public sealed record SchoolMoveRecorded : IntegrationEvent
{
    public required DateOnly MovedOn { get; init; }
    public required bool FollowedPlacementMove { get; init; }
}

public sealed record NeetStatusRecorded : IntegrationEvent
{
    public required DateOnly RecordedOn { get; init; }
    public required int AgeYears { get; init; }
    public required bool Neet { get; init; }
}
