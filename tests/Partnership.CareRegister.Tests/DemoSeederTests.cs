using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Demo;
using Partnership.CareRegister.Identifiers;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task The_demo_authority_uses_the_shared_demo_keys_and_is_seeded_only_once()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync("careregister_demo");
        await using var db = new CareRegisterDbContext(new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync();
        var seeder = new CareRegisterDemoSeeder(TimeProvider.System);

        await seeder.SeedAsync(db, CancellationToken.None);
        await seeder.SeedAsync(db, CancellationToken.None);

        Assert.Equal(800, await db.Children.CountAsync());
        foreach (var key in new[] { "DEMO-0001", "DEMO-0550", "DEMO-L001", "DEMO-L250" })
        {
            Assert.True(await db.Children.AnyAsync(c => c.ChildKey == key), key);
        }
        Assert.Equal(550, await db.Children.CountAsync(c => c.Episodes.Any(e => e.End == null)));
        Assert.Equal(250, await db.Children.CountAsync(c => c.CareLeaverCategory != null));
        Assert.All(await db.Children.Select(c => c.NhsNumber).ToListAsync(), n => Assert.True(NhsNumber.IsValid(n)));
        Assert.True(await db.Set<ServiceDefaults.Outbox.OutboxMessage>().CountAsync() >= 800);
    }
}
