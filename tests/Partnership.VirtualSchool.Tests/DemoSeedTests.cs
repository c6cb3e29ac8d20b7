using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Testing;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Tests;

public sealed class SeededVirtualSchoolFixture() : ServiceFixture<VirtualSchoolDbContext>("virtualschooldb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

/// <summary>The demo data: a summer term of marks and a PEP for each of the 550 demo children, seeded once.</summary>
public sealed class DemoSeedTests(SeededVirtualSchoolFixture fixture) : IClassFixture<SeededVirtualSchoolFixture>
{
    // 20 Apr – 17 Jul 2026 is 65 weekdays, less the May bank holidays (4th, 25th) and half term (26th–29th).
    private const int SchoolDays = 59;

    [Fact]
    public async Task The_demo_term_is_seeded_once_for_every_demo_child()
    {
        var (marks, peps, children) = await Counts();
        Assert.Equal(550 * SchoolDays * 2, marks);
        Assert.Equal(550, peps);
        Assert.Equal(550, children);

        await fixture.Service.WithServiceAsync<IDemoDataSeeder<VirtualSchoolDbContext>, int>(async seeder =>
        {
            await using var scope = fixture.Service.Services.CreateAsyncScope();
            await seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<VirtualSchoolDbContext>(), CancellationToken.None);
            return 0;
        });
        Assert.Equal((marks, peps, children), await Counts());
    }

    private Task<(int, int, int)> Counts() => fixture.Service.WithServiceAsync<VirtualSchoolDbContext, (int, int, int)>(async db => (
        await db.AttendanceMarks.CountAsync(),
        await db.PersonalEducationPlans.CountAsync(),
        await db.AttendanceMarks.Select(m => m.ChildKey).Distinct().CountAsync()));
}
