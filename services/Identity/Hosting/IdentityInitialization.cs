using Microsoft.EntityFrameworkCore;
using Partnership.Identity.Clients;
using Partnership.Identity.Data;
using Partnership.Identity.Keys;
using Partnership.Identity.Users;

namespace Partnership.Identity.Hosting;

public static class IdentityInitialization
{
    // Arbitrary constant shared by every instance: serialises key generation and seeding across instances.
    private const long InitializationLockId = 0x1D_5EED_2025;

    /// <summary>
    /// Loads (or generates) the server keys and seeds scopes, clients and development users. Runs after migration
    /// and before the first request, inside one transaction holding a PostgreSQL advisory lock.
    /// </summary>
    public static async Task InitializeIdentityAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IdentityDbContext>();
        var settings = services.GetRequiredService<IdentityServerSettings>();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({InitializationLockId})", cancellationToken);

            await services.GetRequiredService<ServerKeyRing>().LoadOrCreateAsync(db, cancellationToken);
            await services.GetRequiredService<ClientAndScopeSeeder>().SeedAsync(cancellationToken);
            if (settings.SeedDevelopmentUsers)
            {
                await services.GetRequiredService<StaffUserSeeder>().SeedAsync(db, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        IdentityLog.ServerReady(services.GetRequiredService<ILoggerFactory>().CreateLogger("Partnership.Identity"), settings.Issuer);
    }
}
