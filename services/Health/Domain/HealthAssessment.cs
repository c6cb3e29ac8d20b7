using Partnership.Contracts.Health.V1;

namespace Partnership.Health.Domain;

/// <summary>A completed initial or review health assessment, as submitted by the health team's system.</summary>
public sealed class HealthAssessment
{
    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public HealthAssessmentType AssessmentType { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly CompletedOn { get; set; }
    public bool? DentalCheckUpToDate { get; set; }
    public bool? ImmunisationsUpToDate { get; set; }
    public int? SdqScore { get; set; }
    /// <summary>Action 1.7: the young person's wishes and feelings were recorded in the assessment.</summary>
    public bool? WishesAndFeelingsRecorded { get; set; }
    /// <summary>When the caller gave it instead of a due date, the initial assessment's due date was computed from it.</summary>
    public DateOnly? EnteredCareOn { get; set; }
    /// <summary>Age in whole years at the assessment; sets the review interval (6 months under 5, 12 from 5).</summary>
    public int? AgeYears { get; set; }
    public required string SubmittedByAgency { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Statutory timescale met: completed on or before the date it fell due.</summary>
    public bool WithinTimescale => CompletedOn <= DueDate;

    /// <summary>When the next review falls due, if the child's age is known.</summary>
    public DateOnly? NextReviewDue => AgeYears is { } age ? AssessmentTimescales.NextReviewDue(CompletedOn, age) : null;
}
