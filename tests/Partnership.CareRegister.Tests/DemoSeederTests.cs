using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Demo;
using Partnership.CareRegister.Identifiers;
using Partnership.CareRegister.Ssda903;
using Microsoft.Extensions.Logging.Abstractions;
using Partnership.Contracts.CareRegister.V1;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task The_demo_authority_uses_the_shared_demo_keys_and_is_seeded_only_once()
    {
        await using var database = await TestDatabase.CreateAsync("careregister_demo");
        await using var db = await SeededTwiceAsync(database.ConnectionString);

        Assert.Equal(890, await db.Children.CountAsync());
        foreach (var key in new[] { "DEMO-0001", "DEMO-0550", "DEMO-L001", "DEMO-L250", "DEMO-P001", "DEMO-P090" })
        {
            Assert.True(await db.Children.AnyAsync(c => c.ChildKey == key), key);
        }
        Assert.Equal(550, await db.Children.CountAsync(c => c.Episodes.Any(e => e.End == null)));
        Assert.Equal(250, await db.Children.CountAsync(c => c.CareLeaverCategory != null));
        Assert.All(await db.Children.Select(c => c.NhsNumber).ToListAsync(), n => Assert.True(NhsNumber.IsValid(n)));
        Assert.True(await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {OutboxInspection.Events} e").SingleAsync() >= 890);

        // The children the leaving care demo registers as eligible are 16 or 17 and in care.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var n in new[] { 11, 22, 275, 550 })
        {
            var child = await db.Children.Include(c => c.Episodes).SingleAsync(c => c.ChildKey == $"DEMO-{n:D4}");
            Assert.Equal(CareRegisterDemoSeeder.OlderTeenagerAge(n), child.AgeOn(today));
            Assert.NotNull(child.OpenEpisode);
        }

        // Every placement's distance was derived from its postcodes, and about five in six are within 20 miles.
        var flags = await db.Episodes.Select(e => e.WithinTwentyMiles).ToListAsync();
        Assert.All(flags, f => Assert.NotNull(f));
        Assert.InRange(flags.Count(f => f == true) * 100 / flags.Count, 70, 95);
        Assert.All(await EventsAsync(db, "ChildEnteredCare"), e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("withinTwentyMiles").ValueKind));

        // Unrelated foster placements: about three in four with independent agencies.
        var foster = await db.Episodes.Where(e => e.PlacementType.StartsWith("U") && e.PlacementType != "U1" && e.PlacementType != "U2").ToListAsync();
        Assert.InRange(foster.Count(e => e.Provider == PlacementProvider.PrivateProvision) * 100 / foster.Count, 60, 90);

        // Permanence: discharges by adoption, special guardianship and child arrangements orders, and adoption journeys.
        var ceased = (await EventsAsync(db, "CeasedCare")).Select(e => e.GetProperty("reasonCode").GetString()).ToList();
        Assert.Equal(CareRegisterDemoSeeder.Adopted, ceased.Count(r => r is "E11" or "E12"));
        Assert.Equal(CareRegisterDemoSeeder.SpecialGuardianship, ceased.Count(r => r is "E43" or "E44"));
        Assert.Equal(CareRegisterDemoSeeder.ChildArrangements, ceased.Count(r => r is "E45" or "E46"));
        var milestones = (await EventsAsync(db, "AdoptionMilestoneReached"))
            .Where(m => m.GetProperty("childKey").GetString()!.StartsWith("DEMO-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enum.GetNames<AdoptionMilestone>().Order(), milestones.Select(m => m.GetProperty("milestone").GetString()!).Distinct().Order());
        Assert.Equal(CareRegisterDemoSeeder.Adopted, milestones.Count(m => m.GetProperty("milestone").GetString() == "Adopted"));
        Assert.All(milestones, m => Assert.InRange(
            DateOnly.Parse(m.GetProperty("on").GetString()!), DateOnly.Parse(m.GetProperty("enteredCareOn").GetString()!), today));
    }

    [Fact]
    public async Task The_demo_also_imports_a_generated_ssda903_return_for_the_last_complete_year_once()
    {
        await using var database = await TestDatabase.CreateAsync("careregister_demo_return");
        await using var db = await SeededTwiceAsync(database.ConnectionString);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var import = Assert.Single(await db.Imports.ToListAsync());
        Assert.Equal(today.Month >= 4 ? today.Year : today.Year - 1, import.CollectionYear);
        Assert.InRange(import.Children, 550, 900); // children in care and the care leavers of the OC3 file
        Assert.True(import.Oc2Records > 0, "the return's OC2 rows feed the convictions indicator");
        Assert.NotEmpty(await EventsAsync(db, "Ssda903Oc2OutcomeImported"));
    }

    /// <summary>A fresh database seeded twice: the second run must find the first's data and add nothing.</summary>
    private static async Task<CareRegisterDbContext> SeededTwiceAsync(string connectionString)
    {
        var db = new CareRegisterDbContext(new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync();
        var seeder = new CareRegisterDemoSeeder(TimeProvider.System,
            new Ssda903Importer(TimeProvider.System, NullLogger<Ssda903Importer>.Instance), NullLogger<CareRegisterDemoSeeder>.Instance);
        await seeder.SeedAsync(db, CancellationToken.None);
        await seeder.SeedAsync(db, CancellationToken.None);
        return db;
    }

    private static async Task<List<JsonElement>> EventsAsync(CareRegisterDbContext db, string type) =>
        (await db.Database.SqlQueryRaw<string>(
                $"SELECT body::text AS \"Value\" FROM {OutboxInspection.Events} e WHERE message_type LIKE '%.' || @type",
                new Npgsql.NpgsqlParameter("type", type)).ToListAsync())
            .Select(b => JsonDocument.Parse(b).RootElement).ToList();
}
