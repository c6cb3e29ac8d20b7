namespace Partnership.CareRegister.Domain;

/// <summary>A child in care review (statutory review of the care plan).</summary>
public sealed class CareReview
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>SSDA903 REVIEW_CODE PN0–PN7.</summary>
    public required string ParticipationCode { get; set; }
}
