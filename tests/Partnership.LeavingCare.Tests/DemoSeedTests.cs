using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.LeavingCare.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Testing;

namespace Partnership.LeavingCare.Tests;

public sealed class SeededLeavingCareFixture() : ServiceFixture<LeavingCareDbContext>("leavingcaredb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

/// <summary>The demo care leavers DEMO-L001…DEMO-L250, seeded once with their records and events.</summary>
public sealed class DemoSeedTests(SeededLeavingCareFixture fixture) : IClassFixture<SeededLeavingCareFixture>
{
    [Fact]
    public async Task The_demo_care_leavers_are_seeded_once_with_their_records()
    {
        var before = await Counts();
        // The care leavers and the 16- and 17-year-olds in care registered as eligible (DEMO-0011, DEMO-0022, …).
        Assert.Equal(250 + 50, before.CareLeavers);
        Assert.Equal(250, before.Contacts);
        Assert.InRange(before.StayingPut, 1, 24);
        Assert.InRange(before.LivingSkills, 25, 45);
        // Five records per care leaver plus the Staying Put and living skills starts, every one with its event.
        Assert.Equal(250 * 5 + before.StayingPut + before.LivingSkills, before.Events);
        Assert.Equal(50, await fixture.Service.WithServiceAsync<LeavingCareDbContext, int>(db =>
            db.CareLeavers.CountAsync(c => c.Category == Domain.CareLeaverCategory.Eligible && c.ChildKey.StartsWith("DEMO-0"))));
        // Every start was at 15 to 17, as the API would have required.
        Assert.Equal(0, await fixture.Service.WithServiceAsync<LeavingCareDbContext, int>(db =>
            db.LivingSkills.CountAsync(p => p.AgeYears < 15 || p.AgeYears > 17)));

        await using (var scope = fixture.Service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IDemoDataSeeder<LeavingCareDbContext>>()
                .SeedAsync(scope.ServiceProvider.GetRequiredService<LeavingCareDbContext>(), CancellationToken.None);
        }
        Assert.Equal(before, await Counts());
    }

    private Task<(int CareLeavers, int Contacts, int StayingPut, int LivingSkills, int Events)> Counts() =>
        fixture.Service.WithServiceAsync<LeavingCareDbContext, (int, int, int, int, int)>(async db => (
            await db.CareLeavers.CountAsync(),
            await db.Contacts.CountAsync(),
            await db.StayingPut.CountAsync(),
            await db.LivingSkills.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync()));
}
