using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Routing;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Consumers;

/// <summary>
/// A child entering care starts two statutory clocks in other agencies: the initial health assessment (health) and
/// the personal education plan (virtual school), both due within 20 working or school days.
/// </summary>
public sealed class ChildEnteredCareConsumer(
    SharingDbContext db, SharingBatch batch, ShareRouter router, ChildAgeRecorder ages, ILogger<ChildEnteredCareConsumer> logger)
    : SharingConsumer<ChildEnteredCare>(db, batch, logger)
{
    public const int StatutoryWorkingDays = 20;

    protected override async Task HandleAsync(ChildEnteredCare message, CancellationToken cancellationToken)
    {
        await ages.RecordAsync(message.ChildKey, message.AgeYears, message.EnteredCareOn, cancellationToken);
        var due = WorkingDays.Add(message.EnteredCareOn, StatutoryWorkingDays);
        await router.RouteAsync(message,
        [
            new ShareTarget(Agencies.Health, DataCategory.Placement, Purpose.StatutoryDuty, new
            {
                message.EnteredCareOn,
                message.LegalStatus,
                message.PlacementType,
                message.AgeYears,
                InitialHealthAssessmentDueBy = due,
            }),
            new ShareTarget(Agencies.VirtualSchool, DataCategory.Placement, Purpose.StatutoryDuty, new
            {
                message.EnteredCareOn,
                message.AgeYears,
                PersonalEducationPlanDueBy = due,
            }),
            ShareTarget.Board(DataCategory.Placement, message, message.OccurredAt, message.AgeYears),
        ], cancellationToken);
    }
}
