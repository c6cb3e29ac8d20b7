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
    public required string SubmittedByAgency { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Statutory timescale met: completed on or before the date it fell due.</summary>
    public bool WithinTimescale => CompletedOn <= DueDate;
}
