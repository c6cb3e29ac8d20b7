using Partnership.Contracts.Health.V1;

namespace Partnership.Board.Domain;

/// <summary>
/// One health assessment as the board knows it: a pseudonym instead of the child key, dates and outcome only.
/// Keyed by the health service's assessment id so a corrected event replaces the earlier version.
/// </summary>
public sealed class HealthAssessmentFact
{
    public Guid AssessmentId { get; set; }
    public required string ChildPseudonym { get; set; }
    public HealthAssessmentType AssessmentType { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly CompletedOn { get; set; }
    public bool WithinTimescale { get; set; }
    /// <summary>Whether the young person's wishes and feelings were recorded (action 1.7); null when the health service did not say.</summary>
    public bool? WishesAndFeelingsRecorded { get; set; }
    public Guid SourceEventId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
