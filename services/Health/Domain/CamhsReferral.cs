using Partnership.Contracts.Health.V1;

namespace Partnership.Health.Domain;

/// <summary>
/// A referral to the CAMHS Children Looked After team and its progress: referred, then an outcome measure offered
/// (indicator 5.8), then completed (5.9). Each stage happens once and in order.
/// </summary>
public sealed class CamhsReferral : HealthRecord
{
    public DateOnly ReferredOn { get; set; }
    public DateOnly? OutcomeMeasureOfferedOn { get; set; }
    public DateOnly? OutcomeMeasureCompletedOn { get; set; }
    /// <summary>PostgreSQL xmin, so two systems progressing the same referral at once cannot both win.</summary>
    public uint Version { get; set; }

    public CamhsReferralStage Stage => OutcomeMeasureCompletedOn is not null ? CamhsReferralStage.OutcomeMeasureCompleted
        : OutcomeMeasureOfferedOn is not null ? CamhsReferralStage.OutcomeMeasureOffered
        : CamhsReferralStage.Referred;

    /// <summary>Moves to <paramref name="next"/>; returns why not (conflict) or which date is wrong (field), or null when done.</summary>
    public (string? Conflict, string? DateError) Progress(CamhsReferralStage next, DateOnly on)
    {
        var previous = next - 1;
        if (Stage != previous)
        {
            return ($"The referral is at stage {Stage}; {next} follows {previous} and happens once.", null);
        }
        var previousOn = previous == CamhsReferralStage.Referred ? ReferredOn : OutcomeMeasureOfferedOn!.Value;
        if (on < previousOn)
        {
            return (null, $"'On' cannot be before the referral reached {previous} ({previousOn:yyyy-MM-dd}).");
        }
        if (next == CamhsReferralStage.OutcomeMeasureOffered)
        {
            OutcomeMeasureOfferedOn = on;
        }
        else
        {
            OutcomeMeasureCompletedOn = on;
        }
        return (null, null);
    }
}
