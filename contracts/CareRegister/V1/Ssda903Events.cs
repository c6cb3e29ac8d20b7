namespace Partnership.Contracts.CareRegister.V1;

/// <summary>
/// One SSDA903 episode from an imported year. A re-import of the year supersedes every earlier record of it:
/// consumers replace the year's episodes when <see cref="ImportId"/> changes.
/// </summary>
public sealed record Ssda903EpisodeImported : IntegrationEvent
{
    public required Guid ImportId { get; init; }
    /// <summary>The collection year by its end: 2017 is 1 April 2016 to 31 March 2017.</summary>
    public required int CollectionYear { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public required string ReasonNewEpisode { get; init; }
    public required string LegalStatus { get; init; }
    public required string PlacementType { get; init; }
    public PlacementProvider? Provider { get; init; }
    public string? ReasonCeased { get; init; }
    public required int AgeAtYearEnd { get; init; }
    /// <summary>Legal status V3/V4 (series of short-term placements): outside headline counts and outcome cohorts.</summary>
    public bool? ShortBreak { get; init; }
    /// <summary>The child was looked after continuously for 12 months at 31 March, short breaks excluded (the OC2 cohort).</summary>
    public bool? LookedAfterTwelveMonthsAtYearEnd { get; init; }
    /// <summary>
    /// The placement is 20 miles or less from the child's home: from PL_DISTANCE where the file carries it, otherwise
    /// from the home and placement postcodes' districts; null when neither locates the placement. No postcode travels.
    /// </summary>
    public bool? WithinTwentyMiles { get; init; }
}

/// <summary>OC2 outcomes for a child looked after continuously for 12 months at 31 March.</summary>
public sealed record Ssda903Oc2OutcomeImported : IntegrationEvent
{
    public required Guid ImportId { get; init; }
    public required int CollectionYear { get; init; }
    public required int AgeAtYearEnd { get; init; }
    public bool? HealthAssessmentUpToDate { get; init; }
    public bool? ImmunisationsUpToDate { get; init; }
    public bool? TeethChecked { get; init; }
    public bool? DevelopmentCheckUpToDate { get; init; }
    public int? SdqScore { get; init; }
    public bool? Convicted { get; init; }
    public bool? SubstanceMisuse { get; init; }
    /// <summary>Whether the child is in the OC2 cohort by the episodes of the same return; rows outside it are reported.</summary>
    public bool? InCohort { get; init; }
}

/// <summary>OC3 outcomes for a care leaver whose 17th to 21st birthday fell in the year.</summary>
public sealed record Ssda903Oc3OutcomeImported : IntegrationEvent
{
    public required Guid ImportId { get; init; }
    public required int CollectionYear { get; init; }
    public required int AgeAtBirthdayInYear { get; init; }
    public required string InTouch { get; init; }
    public string? Activity { get; init; }
    public string? Accommodation { get; init; }
    /// <summary>Age 17 to 21 at the birthday in the year and not only ever in short breaks: the OC3 cohort.</summary>
    public bool? InCohort { get; init; }
}

/// <summary>A missing (M) or away without authorisation (A) episode from an imported year's Missing file.</summary>
public sealed record Ssda903MissingEpisodeImported : IntegrationEvent
{
    public required Guid ImportId { get; init; }
    public required int CollectionYear { get; init; }
    /// <summary>SSDA903 MISSING: M missing, A away from placement without authorisation.</summary>
    public required string MissingType { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public required int AgeAtStart { get; init; }
}

/// <summary>
/// Marks a collection year's import complete, with its counts, so consumers can drop records of earlier imports.
/// It concerns no single child: its ChildKey is <see cref="NoChild"/>.
/// </summary>
public sealed record Ssda903YearImported : IntegrationEvent
{
    public const string NoChild = "-";

    public required Guid ImportId { get; init; }
    public required int CollectionYear { get; init; }
    public required int Children { get; init; }
    public required int Episodes { get; init; }
    public required int Oc2Records { get; init; }
    public required int Oc3Records { get; init; }
    public required int MissingEpisodes { get; init; }
    public int? Reviews { get; init; }
    public int? Oc2Cohort { get; init; }
    public int? Oc3Cohort { get; init; }
    /// <summary>Rows excluded for rule failures, and warnings on rows kept; the report is in the care register.</summary>
    public int? RowErrors { get; init; }
    public int? RowWarnings { get; init; }
}
