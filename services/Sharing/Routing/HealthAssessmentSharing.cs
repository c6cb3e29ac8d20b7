using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Routing;

/// <summary>
/// Where a completed health assessment may go: a health summary to the leaving care team only for a young person known
/// to be 18 or over, and only with their own consent (the agreement line requires it; the rules accept only the young
/// person's consent for an adult), and the board's aggregate feed. Apart from its consumer so the bench's in-process
/// baseline makes exactly the decisions and writes the platform makes.
/// </summary>
public sealed class HealthAssessmentSharing(ShareRouter router, ChildAgeRecorder ages, TimeProvider clock)
{
    public async Task RouteAsync(HealthAssessmentCompleted message, CancellationToken cancellationToken)
    {
        var age = await ages.AgeOnAsync(message.ChildKey, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var notAdult = age >= SharingRules.AdultAge
            ? null
            : new DecisionResult(Outcome.Deny, null, "Health summaries go to leaving care only for a young person known to be 18 or over.");
        await router.RouteAsync(message,
        [
            new ShareTarget(Agencies.LeavingCare, DataCategory.HealthSummary, Purpose.CarePlanning, new
            {
                message.AssessmentId,
                message.AssessmentType,
                message.DueDate,
                message.CompletedOn,
                message.DentalCheckUpToDate,
                message.ImmunisationsUpToDate,
            }, notAdult),
            ShareTarget.Board(DataCategory.HealthSummary, message, message.OccurredAt, age),
        ], cancellationToken);
    }
}
