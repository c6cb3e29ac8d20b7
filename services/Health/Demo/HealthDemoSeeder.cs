using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.Health.Demo;

/// <summary>
/// A year of synthetic assessments for the demo local authority's children (keys DEMO-0001…), published through the
/// outbox like any real submission so the board fills up. Deterministic, and skipped once any data exists; the
/// health checks added later are seeded separately (their own random sequence) when their tables are empty, so an
/// existing demo database gains them without its assessments changing.
/// </summary>
public sealed class HealthDemoSeeder(TimeProvider clock) : IDemoDataSeeder<HealthDbContext>
{
    public const int Children = 550;

    public async Task SeedAsync(HealthDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Assessments.AnyAsync(cancellationToken))
        {
            SeedAssessments(db);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await db.DentalChecks.AnyAsync(cancellationToken))
        {
            new HealthChecksDemoData(clock).Seed(db, Children);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void SeedAssessments(HealthDbContext db)
    {
        // Wishes and feelings draw from their own sequence so the assessments themselves stay as they always were.
        var wishes = new Random(20160401);
        var random = new Random(20170331);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var child = 1; child <= Children; child++)
        {
            var due = today.AddDays(-random.Next(1, 365));
            // About one in seven completes late, close to the strategy's baseline.
            var completed = random.Next(7) == 0 ? due.AddDays(random.Next(1, 40)) : due.AddDays(-random.Next(0, 20));
            if (completed > today)
            {
                completed = today;
            }
            var assessment = new HealthAssessment
            {
                Id = Guid.CreateVersion7(),
                ChildKey = $"DEMO-{child:D4}",
                AssessmentType = random.Next(5) == 0 ? HealthAssessmentType.Initial : HealthAssessmentType.Review,
                DueDate = due,
                CompletedOn = completed,
                DentalCheckUpToDate = random.Next(10) > 1,
                ImmunisationsUpToDate = random.Next(10) > 0,
                SdqScore = random.Next(4) == 0 ? null : random.Next(0, 33),
                WishesAndFeelingsRecorded = wishes.Next(10) > 1,
                SubmittedByAgency = Agencies.Health,
                SubmittedBy = "demo-seed",
                RecordedAt = clock.GetUtcNow(),
            };
            db.Assessments.Add(assessment);
            db.AddIntegrationEvent(assessment.ToCompletedEvent(), clock);
        }
    }
}
