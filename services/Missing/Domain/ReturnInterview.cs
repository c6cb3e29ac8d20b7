using Partnership.Contracts.Missing.V1;

namespace Partnership.Missing.Domain;

/// <summary>The return home interview offered after an episode; at most one per episode, owned by the missing team once recorded.</summary>
public sealed class ReturnInterview
{
    public Guid EpisodeId { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    /// <summary>Stored, not derived on read, so reports see the judgement made when the offer was recorded.</summary>
    public bool OfferedWithinTimescale { get; set; }
    public bool Accepted { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public InterviewerRole? CompletedBy { get; set; }
    public ExploitationConcern Concern { get; set; }
    public required string RecordedByAgency { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? AmendedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}
