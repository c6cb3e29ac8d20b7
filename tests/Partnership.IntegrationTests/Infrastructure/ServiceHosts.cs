using Partnership.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Partnership.Board.Consumers;
using Partnership.Board.Data;
using Partnership.Board.Pseudonymisation;
using Partnership.Health.Data;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.IntegrationTests.Infrastructure;

/// <summary>
/// The health service's write side and the board's consumer, wired with the same ServiceDefaults calls as the real
/// services, against the real PostgreSQL and RabbitMQ. The HTTP layer is covered by the AppHost tests.
/// </summary>
public static class ServiceHosts
{
    public static IHost HealthWriter(string connectionString, string serviceName, params (string Key, string Value)[] settings)
    {
        var builder = NewBuilder(serviceName,
            [("ConnectionStrings:healthdb", connectionString), ("Outbox:PollInterval", "00:00:00.200"), .. settings]);
        builder.AddPartnershipDbContext<HealthDbContext>("healthdb");
        builder.AddOutboxDispatcher<HealthDbContext>();
        builder.AddPartnershipMessaging();
        return builder.Build();
    }

    public static IHost BoardConsumer(string connectionString, string serviceName)
    {
        var builder = NewBuilder(serviceName, ("ConnectionStrings:boarddb", connectionString));
        builder.AddPartnershipDbContext<BoardDbContext>("boarddb");
        builder.AddPartnershipMessaging(bus => bus.AddConsumer<HealthAssessmentCompletedConsumer>(typeof(HealthAssessmentCompletedConsumerDefinition)));
        builder.Services.AddOptions<PseudonymisationOptions>();
        builder.Services.AddSingleton<ChildPseudonymiser>();
        return builder.Build();
    }

    private static HostApplicationBuilder NewBuilder(string serviceName, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = TestInfrastructure.RabbitMq,
            ["Messaging:ServiceName"] = serviceName,
        }.Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static async Task MigrateAsync<TDbContext>(this IHost host) where TDbContext : Microsoft.EntityFrameworkCore.DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(scope.ServiceProvider.GetRequiredService<TDbContext>().Database);
    }

    public static async Task<T> WithDbAsync<TDbContext, T>(this IHost host, Func<TDbContext, Task<T>> action) where TDbContext : Microsoft.EntityFrameworkCore.DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>Starts the host and waits until its bus has declared its queues, so nothing published next is missed.</summary>
    public static async Task StartReadyAsync(this IHost host)
    {
        await host.StartAsync();
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"Bus did not become healthy: {health}");
        }
    }

    public static IBus Bus(this IHost host) => host.Services.GetRequiredService<IBus>();
}
