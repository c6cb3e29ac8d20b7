using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Domain;

public static class AdoptionMilestones
{
    /// <summary>
    /// Records (or corrects) a milestone. Every step from the best interest decision to the adoption order happens
    /// while the child is looked after, so the date must fall in a period of care; returns why not, or null.
    /// </summary>
    public static string? RecordAdoptionMilestone(this Child child, AdoptionMilestone milestone, DateOnly on, string by, DateTimeOffset at,
        out AdoptionMilestoneRecord? record)
    {
        record = null;
        if (CarePeriods.Containing(child, on) is not { } period)
        {
            return "The child was not looked after on that date: adoption milestones fall within a period of care.";
        }
        record = child.AdoptionMilestones.FirstOrDefault(m => m.Milestone == milestone);
        if (record is null)
        {
            record = new AdoptionMilestoneRecord { Id = Guid.CreateVersion7(), ChildId = child.Id, Milestone = milestone, RecordedBy = by };
            child.AdoptionMilestones.Add(record);
        }
        record.On = on;
        record.EnteredCareOn = period.Start;
        record.RecordedAt = at;
        record.RecordedBy = by;
        return null;
    }
}
