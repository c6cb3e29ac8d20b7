using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ from the Aspire connection string "messaging". Consumers retry in memory with backoff;
    /// a message that still fails lands in its queue's _error queue with the fault headers MassTransit adds.
    /// </summary>
    public static IHostApplicationBuilder AddPartnershipMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        var endpoint = RabbitMqEndpoint.Parse(connectionString);
        var serviceName = builder.Configuration["Messaging:ServiceName"] ?? builder.Environment.ApplicationName;

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServicePrefix(serviceName), false));
            configureConsumers?.Invoke(bus);
            // MassTransit 8.5 reports usage to its vendor by default; nothing leaves this platform unasked.
            bus.DisableUsageTelemetry();

            bus.AddConfigureEndpointsCallback((_, _, endpointConfigurator) =>
            {
                endpointConfigurator.UseMessageRetry(retry => retry
                    .Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, host =>
                {
                    host.Username(endpoint.Username);
                    host.Password(endpoint.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.PrefetchCount = builder.Configuration.GetValue("Messaging:PrefetchCount", 32);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // Group commit for the idempotent consumers (ADR 0025).
        builder.Services.AddSingleton<ConsumeBatches>();
        builder.Services.Configure<ConsumeBatchOptions>(builder.Configuration.GetSection("Messaging:ConsumeBatch"));

        // Readiness must fail while the broker is down; MassTransit's bus check alone does not (see the check's remarks).
        builder.Services.AddSingleton(new BrokerProbeConnection(endpoint, serviceName));
        builder.Services.AddHostedService<BrokerProbeWarmup>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(BrokerConnectionHealthCheck.Name,
            sp => new BrokerConnectionHealthCheck(sp.GetRequiredService<BrokerProbeConnection>()), failureStatus: null, tags: null));

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>Queue names are prefixed by the owning service so two services never share a queue.</summary>
    private static string ServicePrefix(string applicationName)
    {
        var last = applicationName.Split('.').Last();
        return last.ToLowerInvariant();
    }
}
