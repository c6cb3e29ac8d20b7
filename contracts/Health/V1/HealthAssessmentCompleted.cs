namespace Partnership.Contracts.Health.V1;

public enum HealthAssessmentType
{
    Initial = 1,
    Review = 2,
}

/// <summary>A looked-after child's initial or review health assessment was completed.</summary>
public sealed record HealthAssessmentCompleted : IntegrationEvent
{
    public required Guid AssessmentId { get; init; }
    public required HealthAssessmentType AssessmentType { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public bool? DentalCheckUpToDate { get; init; }
    public bool? ImmunisationsUpToDate { get; init; }
    public int? SdqScore { get; init; }
    /// <summary>Whether the young person's wishes and feelings were recorded in the assessment (action 1.7).</summary>
    public bool? WishesAndFeelingsRecorded { get; init; }
}
