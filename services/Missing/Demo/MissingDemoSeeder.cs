using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Contracts.Missing.V1;
using Partnership.Missing.Apis;
using Partnership.Missing.Data;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.Missing.Demo;

/// <summary>
/// A year of synthetic episodes for about one in six of the demo children (DEMO-0001…DEMO-0550), with return
/// interviews at roughly the strategy's baseline rate (64%) and a few exploitation referrals. Built through the same
/// domain rules as real submissions and published through the outbox; deterministic, and skipped once any episode exists.
/// </summary>
public sealed class MissingDemoSeeder(TimeProvider clock) : IDemoDataSeeder<MissingDbContext>
{
    public const int Children = 550;

    public async Task SeedAsync(MissingDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Episodes.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(20161231);
        var now = clock.GetUtcNow();
        for (var child = 1; child <= Children; child++)
        {
            if (random.Next(6) != 0)
            {
                continue;
            }
            var childKey = $"DEMO-{child:D4}";
            var start = now.AddDays(-random.Next(60, 365)).AddMinutes(-random.Next(0, 1440));
            var episodes = random.Next(1, 4);
            for (var n = 0; n < episodes && start < now; n++)
            {
                var episode = NewEpisode(childKey, start, random, now);
                db.Episodes.Add(episode);
                db.AddIntegrationEvent(episode.ToStartedEvent(now), clock);

                var lastAndStillOut = n == episodes - 1 && random.Next(20) == 0;
                var endedAt = start.AddHours(random.Next(2, 96));
                if (lastAndStillOut || endedAt > now)
                {
                    break;
                }
                episode.End(endedAt, (FinderRole)random.Next(1, 7), Agencies.Police);
                db.AddIntegrationEvent(episode.ToEndedEvent(Agencies.Police, now), clock);
                AddInterview(db, episode, endedAt, random, now);
                start = endedAt.AddDays(random.Next(7, 60));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static MissingEpisode NewEpisode(string childKey, DateTimeOffset start, Random random, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = childKey,
        Type = random.Next(3) == 0 ? MissingEpisodeType.Absent : MissingEpisodeType.Missing,
        Risk = (RiskLevel)random.Next(1, 4),
        StartedAt = start,
        ReportedBy = (ReporterRole)random.Next(1, 8),
        StartedByAgency = Agencies.Police,
        StartedBy = "demo-seed",
        RecordedAt = now,
    };

    private void AddInterview(MissingDbContext db, MissingEpisode episode, DateTimeOffset returnedAt, Random random, DateTimeOffset now)
    {
        var roll = random.Next(100);
        var offeredAt = returnedAt.AddHours(roll < 80 ? random.Next(1, 72) : random.Next(73, 200));
        // About a third of returns never get an interview offered: they make the overdue list.
        if (roll >= 64 && roll < 95 || offeredAt > now)
        {
            return;
        }
        var accepted = random.Next(5) != 0;
        var concern = random.Next(12) switch { 0 => ExploitationConcern.SexualExploitation, 1 => ExploitationConcern.CriminalExploitation, _ => ExploitationConcern.None };
        var interview = new ReturnInterview
        {
            EpisodeId = episode.Id,
            OfferedAt = offeredAt,
            Accepted = accepted,
            CompletedOn = accepted ? DateOnly.FromDateTime(offeredAt.AddDays(random.Next(0, 3)).UtcDateTime) : null,
            CompletedBy = accepted ? InterviewerRole.MissingTeam : null,
            Concern = concern,
            RecordedByAgency = Agencies.MissingTeam,
            RecordedBy = "demo-seed",
            RecordedAt = now,
        };
        if (interview.CompletedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            interview.CompletedOn = DateOnly.FromDateTime(now.UtcDateTime);
        }
        episode.RecordInterview(interview);
        db.Interviews.Add(interview);
        db.AddIntegrationEvent(episode.ToInterviewEvent(Agencies.MissingTeam, now), clock);

        if (concern != ExploitationConcern.None)
        {
            var referral = new ExploitationReferral
            {
                Id = Guid.CreateVersion7(),
                EpisodeId = episode.Id,
                Concern = concern,
                RaisedOn = interview.CompletedOn ?? DateOnly.FromDateTime(offeredAt.UtcDateTime),
                RaisedByAgency = Agencies.MissingTeam,
                RaisedBy = "demo-seed",
                RecordedAt = now,
            };
            episode.RaiseReferral(referral);
            db.Referrals.Add(referral);
            db.AddIntegrationEvent(referral.ToRaisedEvent(episode.ChildKey, now), clock);
        }
    }
}
