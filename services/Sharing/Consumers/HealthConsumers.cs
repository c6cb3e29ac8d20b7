using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.LeavingCare.V1;
using Partnership.Sharing.Data;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Routing;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Consumers;

/// <summary>Routes a completed health assessment through <see cref="HealthAssessmentSharing"/>.</summary>
public sealed class HealthAssessmentCompletedConsumer(
    SharingDbContext db, SharingBatch batch, HealthAssessmentSharing sharing, ILogger<HealthAssessmentCompletedConsumer> logger)
    : SharingConsumer<HealthAssessmentCompleted>(db, batch, logger)
{
    protected override Task HandleAsync(HealthAssessmentCompleted message, CancellationToken cancellationToken) =>
        sharing.RouteAsync(message, cancellationToken);
}

/// <summary>An SDQ score goes to the virtual school, with consent, to inform the personal education plan.</summary>
public sealed class SdqScoreRecordedConsumer(
    SharingDbContext db, SharingBatch batch, ShareRouter router, ChildAgeRecorder ages, ILogger<SdqScoreRecordedConsumer> logger)
    : SharingConsumer<SdqScoreRecorded>(db, batch, logger)
{
    /// <summary>A total difficulties score of 17 or more is a cause for concern.</summary>
    public const int ConcernThreshold = 17;

    protected override async Task HandleAsync(SdqScoreRecorded message, CancellationToken cancellationToken)
    {
        await ages.RecordAsync(message.ChildKey, message.AgeYears, message.CompletedOn, cancellationToken);
        await router.RouteAsync(message,
        [
            new ShareTarget(Agencies.VirtualSchool, DataCategory.SdqScores, Purpose.CarePlanning, new
            {
                message.CompletedOn,
                message.Score,
                CauseForConcern = message.Score >= ConcernThreshold,
                message.ReceivingTherapeuticSupport,
                message.AgeYears,
            }),
            ShareTarget.Board(DataCategory.SdqScores, message, message.OccurredAt, message.AgeYears),
        ], cancellationToken);
    }
}

/// <summary>Shares nothing: a care leaver contact tells the service the young person's age, which adult-only shares need.</summary>
public sealed class CareLeaverContactRecordedConsumer(
    SharingDbContext db, SharingBatch batch, ChildAgeRecorder ages, ILogger<CareLeaverContactRecordedConsumer> logger)
    : SharingConsumer<CareLeaverContactRecorded>(db, batch, logger)
{
    protected override Task HandleAsync(CareLeaverContactRecorded message, CancellationToken cancellationToken) =>
        ages.RecordAsync(message.ChildKey, message.AgeYears, message.ContactOn, cancellationToken);
}
