using Partnership.Contracts.Health.V1;

namespace Partnership.Health.Domain;

/// <summary>Whether immunisations were up to date at a milestone (indicator 5.5).</summary>
public sealed class ImmunisationStatus : HealthRecord
{
    public DateOnly RecordedOn { get; set; }
    public ImmunisationMilestone Milestone { get; set; }
    public bool UpToDate { get; set; }
    public int AgeYears { get; set; }
}
