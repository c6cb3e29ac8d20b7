using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Contracts.YouthJustice.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.YouthJustice.Apis;
using Partnership.YouthJustice.Data;
using Partnership.YouthJustice.Domain;

namespace Partnership.YouthJustice.Demo;

/// <summary>
/// Synthetic outcomes for about one in sixteen demo children (DEMO-0001…DEMO-0550), near the strategy's 6% baseline
/// for children in care with a conviction or caution; deterministic, published through the outbox, skipped once any exist.
/// </summary>
public sealed class YouthJusticeDemoSeeder(TimeProvider clock) : IDemoDataSeeder<YouthJusticeDbContext>
{
    public const int Children = 550;

    public async Task SeedAsync(YouthJusticeDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Outcomes.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(20150331);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var child = 1; child <= Children; child++)
        {
            if (random.Next(16) != 0)
            {
                continue;
            }
            var age = random.Next(OffenceOutcome.MinimumAge, OffenceOutcome.MaximumAge + 1);
            var offence = today.AddDays(-random.Next(60, 700));
            var formalSoFar = false;
            for (var n = random.Next(1, 4); n > 0 && offence < today; n--)
            {
                var type = (OffenceOutcomeType)random.Next(1, 8);
                var outcomeDate = offence.AddDays(random.Next(1, 50));
                if (outcomeDate > today)
                {
                    outcomeDate = today;
                }
                var formal = OffenceOutcome.IsFormalDisposal(type);
                var outcome = new OffenceOutcome
                {
                    Id = Guid.CreateVersion7(),
                    ChildKey = $"DEMO-{child:D4}",
                    OffenceDate = offence,
                    OutcomeDate = outcomeDate,
                    Outcome = type,
                    AgeAtOffence = age,
                    FirstTimeEntrant = formal && !formalSoFar,
                    RecordedByAgency = random.Next(3) == 0 ? Agencies.Police : Agencies.YouthOffending,
                    RecordedBy = "demo-seed",
                    RecordedAt = clock.GetUtcNow(),
                };
                formalSoFar |= formal;
                db.Outcomes.Add(outcome);
                db.AddIntegrationEvent(outcome.ToRecordedEvent(), clock);
                offence = outcomeDate.AddDays(random.Next(30, 200));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
