using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers a service's own PostgreSQL DbContext from the Aspire connection string, with the outbox interceptors,
    /// health check and tracing. Provider-level retries are off because the outbox and inbox open their own transactions.
    /// </summary>
    public static IHostApplicationBuilder AddPartnershipDbContext<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = PostgresConnectionSettings.ForService(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured."));

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.TryAddSingletonTimeProvider();
        // Pooled: a consumer or request takes a context already set up instead of building its services anew (about
        // a tenth of the sharing path's CPU in a profile). Contexts hold no state of their own beyond what EF resets.
        builder.Services.AddDbContextPool<TDbContext>((sp, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.EnrichNpgsqlDbContext<TDbContext>(settings => settings.DisableRetry = true);
        return builder;
    }

    /// <summary>Runs the outbox dispatcher for this service's DbContext.</summary>
    public static IHostApplicationBuilder AddOutboxDispatcher<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
