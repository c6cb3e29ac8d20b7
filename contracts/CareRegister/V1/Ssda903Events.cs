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
}
