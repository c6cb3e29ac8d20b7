using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Health.Demo;

/// <summary>
/// Synthetic dental checks, GP registrations, immunisations, SDQs, CAMHS referrals and substance misuse records for
/// the demo children, at rates near the strategy's 2015/16 baselines (GP 98.8%, dental checks 80.1%, SDQ 65.3%).
/// </summary>
public sealed class HealthChecksDemoData(TimeProvider clock)
{
    public void Seed(HealthDbContext db, int children)
    {
        var random = new Random(20160930);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var child = 1; child <= children; child++)
        {
            var childKey = $"DEMO-{child:D4}";
            // Children in care are 0-17; the age drives which checks apply.
            var age = random.Next(0, 18);

            var gp = Stamp(new GpRegistration { ChildKey = childKey, RecordedOn = Recent(random, today), Registered = random.Next(1000) >= 12 }, now);
            db.Add(gp);
            db.AddIntegrationEvent(gp.ToEvent(), clock);

            if (age >= 2)
            {
                var dental = Stamp(new DentalCheck
                {
                    ChildKey = childKey,
                    CheckedOn = today.AddDays(-random.Next(0, random.Next(5) == 0 ? 700 : 365)),
                    RegisteredWithDentist = random.Next(1000) >= 123,
                }, now);
                db.Add(dental);
                db.AddIntegrationEvent(dental.ToEvent(), clock);
            }

            var milestone = age switch { < 2 => ImmunisationMilestone.InitialAssessment, < 6 => ImmunisationMilestone.PreschoolBooster, < 12 => ImmunisationMilestone.AfterOneYearInCare, _ => ImmunisationMilestone.Hpv };
            var immunisation = Stamp(new ImmunisationStatus { ChildKey = childKey, RecordedOn = Recent(random, today), Milestone = milestone, UpToDate = random.Next(10) > 0, AgeYears = age }, now);
            db.Add(immunisation);
            db.AddIntegrationEvent(immunisation.ToEvent(), clock);

            if (age is >= SdqScore.MinimumAge and <= SdqScore.MaximumAge && random.Next(1000) < 653)
            {
                SeedSdqAndCamhs(db, childKey, age, random, today, now);
            }

            if (age >= 12 && random.Next(12) == 0)
            {
                var offered = random.Next(4) > 0;
                var misuse = Stamp(new SubstanceMisuse { ChildKey = childKey, IdentifiedOn = Recent(random, today), InterventionOffered = offered, InterventionReceived = offered && random.Next(3) > 0 }, now);
                db.Add(misuse);
                db.AddIntegrationEvent(misuse.ToEvent(), clock);
            }
        }
    }

    private void SeedSdqAndCamhs(HealthDbContext db, string childKey, int age, Random random, DateOnly today, DateTimeOffset now)
    {
        var sdq = Stamp(new SdqScore
        {
            ChildKey = childKey,
            CompletedOn = Recent(random, today),
            Score = random.Next(0, 33),
            AgeYears = age,
            ReceivingTherapeuticSupport = random.Next(4) == 0,
        }, now);
        db.Add(sdq);
        db.AddIntegrationEvent(sdq.ToEvent(), clock);
        if (!sdq.CauseForConcern || sdq.ReceivingTherapeuticSupport || random.Next(5) == 0)
        {
            return;
        }

        var referral = Stamp(new CamhsReferral { ChildKey = childKey, ReferredOn = sdq.CompletedOn.AddDays(random.Next(1, 30)) }, now);
        if (referral.ReferredOn > today)
        {
            referral.ReferredOn = today;
        }
        db.Add(referral);
        db.AddIntegrationEvent(referral.ToProgressedEvent(Agencies.Health, now), clock);
        var on = referral.ReferredOn;
        foreach (var stage in new[] { CamhsReferralStage.OutcomeMeasureOffered, CamhsReferralStage.OutcomeMeasureCompleted })
        {
            on = on.AddDays(random.Next(7, 40));
            if (on > today || random.Next(3) == 0 || referral.Progress(stage, on) != (null, null))
            {
                break;
            }
            db.AddIntegrationEvent(referral.ToProgressedEvent(Agencies.Health, now), clock);
        }
    }

    private static DateOnly Recent(Random random, DateOnly today) => today.AddDays(-random.Next(0, 365));

    private static T Stamp<T>(T record, DateTimeOffset now) where T : HealthRecord
    {
        record.Id = Guid.CreateVersion7();
        record.SubmittedByAgency = Agencies.Health;
        record.SubmittedBy = "demo-seed";
        record.RecordedAt = now;
        return record;
    }
}
