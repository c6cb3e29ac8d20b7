using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Partnership.ServiceDefaults.Persistence;

/// <summary>Seeds demo data into a freshly migrated database; implementations must be idempotent.</summary>
public interface IDemoDataSeeder<in TDbContext> where TDbContext : DbContext
{
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}

public static class MigrationExtensions
{
    /// <summary>
    /// Applies pending migrations (creating the database if needed) before the service takes traffic, retrying while
    /// PostgreSQL is still starting; then runs the demo seeder when Demo:Seed is true.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Partnership.Migrations");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                if (app.Configuration.GetValue("Demo:Seed", false) && scope.ServiceProvider.GetService<IDemoDataSeeder<TDbContext>>() is { } seeder)
                {
                    await seeder.SeedAsync(db, cancellationToken);
                }
                logger.LogInformation("Database for {DbContext} is migrated", typeof(TDbContext).Name);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                logger.LogWarning(ex, "Database not reachable yet (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }
}
