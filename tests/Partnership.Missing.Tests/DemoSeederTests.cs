using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Missing.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Testing;

namespace Partnership.Missing.Tests;

public sealed class SeededMissingFixture() : ServiceFixture<MissingDbContext>("missingdb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

public sealed class DemoSeederTests(SeededMissingFixture fixture) : IClassFixture<SeededMissingFixture>
{
    [Fact]
    public async Task The_demo_seed_creates_consistent_episodes_for_demo_children_once()
    {
        var (episodes, open, interviews, outbox) = await fixture.Service.WithServiceAsync<MissingDbContext, (int, int, int, int)>(async db =>
            (await db.Episodes.CountAsync(), await db.Episodes.CountAsync(e => e.EndedAt == null),
             await db.Interviews.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));

        Assert.InRange(episodes, 50, 550);
        Assert.True(open < episodes);
        Assert.InRange(interviews, 1, episodes - 1);
        Assert.Equal(0, await fixture.Service.WithServiceAsync<MissingDbContext, int>(db => db.Episodes.CountAsync(e => !e.ChildKey.StartsWith("DEMO-"))));
        Assert.Equal(0, await fixture.Service.WithServiceAsync<MissingDbContext, int>(db => db.Episodes.CountAsync(e => e.EndedAt < e.StartedAt)));

        await fixture.Service.WithServiceAsync<IServiceProvider, int>(async sp =>
        {
            await sp.GetRequiredService<IDemoDataSeeder<MissingDbContext>>().SeedAsync(sp.GetRequiredService<MissingDbContext>(), default);
            return 0;
        });
        Assert.Equal(outbox, await fixture.Service.WithServiceAsync<MissingDbContext, int>(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
