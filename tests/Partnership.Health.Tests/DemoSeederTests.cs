using Microsoft.EntityFrameworkCore;
using Partnership.Health.Data;
using Partnership.Testing;

namespace Partnership.Health.Tests;

public sealed class SeededHealthFixture() : ServiceFixture<HealthDbContext>("healthdb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

public sealed class DemoSeederTests(SeededHealthFixture fixture) : IClassFixture<SeededHealthFixture>
{
    [Fact]
    public async Task The_demo_seed_fills_assessments_and_the_new_health_records()
    {
        var counts = await fixture.Service.WithServiceAsync<HealthDbContext, int[]>(async db =>
        [
            await db.Assessments.CountAsync(),
            await db.GpRegistrations.CountAsync(),
            await db.DentalChecks.CountAsync(),
            await db.Immunisations.CountAsync(),
            await db.SdqScores.CountAsync(),
            await db.SdqScores.CountAsync(s => s.AgeYears < 4 || s.AgeYears > 16),
            await db.Assessments.CountAsync(a => a.WishesAndFeelingsRecorded == true),
        ]);
        Assert.Equal(550, counts[0]);
        Assert.Equal(550, counts[1]);
        Assert.InRange(counts[2], 300, 550);
        Assert.Equal(550, counts[3]);
        Assert.InRange(counts[4], 100, 550);
        Assert.Equal(0, counts[5]);
        Assert.InRange(counts[6], 300, 549);
    }
}
