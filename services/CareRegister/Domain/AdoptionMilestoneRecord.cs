using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Domain;

/// <summary>
/// A step of a child's adoption recorded by social care. One row per milestone: recording it again corrects the date.
/// EnteredCareOn is the start of the period of care the milestone fell in, which the scorecard measures from.
/// </summary>
public sealed class AdoptionMilestoneRecord
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public AdoptionMilestone Milestone { get; set; }
    public DateOnly On { get; set; }
    public DateOnly EnteredCareOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
