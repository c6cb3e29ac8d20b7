using Partnership.Contracts;
using Partnership.Contracts.Missing.V1;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Routing;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Consumers;

/// <summary>Routes the start of a missing episode through <see cref="MissingEpisodeSharing"/>.</summary>
public sealed class MissingEpisodeStartedConsumer(
    SharingDbContext db, SharingBatch batch, MissingEpisodeSharing sharing, ILogger<MissingEpisodeStartedConsumer> logger)
    : SharingConsumer<MissingEpisodeStarted>(db, batch, logger)
{
    protected override Task HandleAsync(MissingEpisodeStarted message, CancellationToken cancellationToken) =>
        sharing.RouteAsync(message, cancellationToken);
}

/// <summary>
/// The end of an episode, with the time by which the return home interview must be offered (72 hours). Who found the
/// child is left out: it may name a person.
/// </summary>
public sealed class MissingEpisodeEndedConsumer(
    SharingDbContext db, SharingBatch batch, ShareRouter router, ILogger<MissingEpisodeEndedConsumer> logger)
    : SharingConsumer<MissingEpisodeEnded>(db, batch, logger)
{
    public static readonly TimeSpan ReturnInterviewWindow = TimeSpan.FromHours(72);

    protected override Task HandleAsync(MissingEpisodeEnded message, CancellationToken cancellationToken)
    {
        var facts = new
        {
            message.EpisodeId,
            Status = "ended",
            message.StartedAt,
            message.EndedAt,
            ReturnInterviewDueBy = message.EndedAt + ReturnInterviewWindow,
        };
        return router.RouteAsync(message,
        [
            new ShareTarget(Agencies.Police, DataCategory.MissingEpisodes, Purpose.Safeguarding, facts),
            new ShareTarget(Agencies.MissingTeam, DataCategory.MissingEpisodes, Purpose.Safeguarding, facts),
            ShareTarget.Board(DataCategory.MissingEpisodes, message, message.EndedAt),
        ], cancellationToken);
    }
}

/// <summary>
/// A return interview that found a risk of exploitation goes to youth offending and the police under safeguarding.
/// An interview without a concern is nobody else's business and is not routed at all.
/// </summary>
public sealed class ReturnInterviewRecordedConsumer(
    SharingDbContext db, SharingBatch batch, ShareRouter router, ILogger<ReturnInterviewRecordedConsumer> logger)
    : SharingConsumer<ReturnInterviewRecorded>(db, batch, logger)
{
    protected override Task HandleAsync(ReturnInterviewRecorded message, CancellationToken cancellationToken)
    {
        if (message.Concern == ExploitationConcern.None)
        {
            return Task.CompletedTask;
        }
        var facts = new { message.EpisodeId, message.Concern, message.ReturnedAt, InterviewAccepted = message.Accepted, message.CompletedOn };
        return router.RouteAsync(message,
        [
            new ShareTarget(Agencies.YouthOffending, DataCategory.ExploitationRisk, Purpose.Safeguarding, facts),
            new ShareTarget(Agencies.Police, DataCategory.ExploitationRisk, Purpose.Safeguarding, facts),
            ShareTarget.Board(DataCategory.ExploitationRisk, message, message.ReturnedAt),
        ], cancellationToken);
    }
}
