using Microsoft.EntityFrameworkCore;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;
using Partnership.YouthJustice.Data;

namespace Partnership.YouthJustice.Tests;

public sealed class SeededYouthJusticeFixture() : ServiceFixture<YouthJusticeDbContext>("youthjusticedb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

public sealed class DemoSeederTests(SeededYouthJusticeFixture fixture) : IClassFixture<SeededYouthJusticeFixture>
{
    [Fact]
    public async Task The_demo_seed_records_outcomes_for_demo_children_aged_10_to_17_with_their_events()
    {
        var outcomes = await fixture.Service.WithServiceAsync<YouthJusticeDbContext, List<Domain.OffenceOutcome>>(db => db.Outcomes.ToListAsync());
        Assert.InRange(outcomes.Count, 10, 550);
        Assert.All(outcomes, o => Assert.InRange(o.AgeAtOffence, 10, 17));
        Assert.All(outcomes, o => Assert.StartsWith("DEMO-", o.ChildKey));
        Assert.All(outcomes.GroupBy(o => o.ChildKey), g => Assert.True(g.Count(o => o.FirstTimeEntrant) <= 1));
        Assert.Equal(outcomes.Count, await fixture.Service.WithServiceAsync<YouthJusticeDbContext, int>(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
