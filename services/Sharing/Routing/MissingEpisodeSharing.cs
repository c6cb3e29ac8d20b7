using Partnership.Contracts;
using Partnership.Contracts.Missing.V1;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Routing;

/// <summary>
/// Where the start of a missing episode goes: the police and the missing team, whichever did not report it, and the
/// board. Apart from its consumer, as <see cref="HealthAssessmentSharing"/> is, so the bench's in-process baseline
/// makes the decisions and writes the platform makes.
/// </summary>
public sealed class MissingEpisodeSharing(ShareRouter router)
{
    public Task RouteAsync(MissingEpisodeStarted message, CancellationToken cancellationToken)
    {
        var facts = new { message.EpisodeId, Status = "started", message.StartedAt, message.Type, message.Risk };
        return router.RouteAsync(message,
        [
            new ShareTarget(Agencies.Police, DataCategory.MissingEpisodes, Purpose.Safeguarding, facts),
            new ShareTarget(Agencies.MissingTeam, DataCategory.MissingEpisodes, Purpose.Safeguarding, facts),
            ShareTarget.Board(DataCategory.MissingEpisodes, message, message.StartedAt),
        ], cancellationToken);
    }
}
