using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Partnership.ServiceDefaults.Messaging;

/// <summary>
/// Readiness of the broker, judged by a real AMQP connection: protocol header, Connection.Start, login with the
/// service's own credentials, and Connection.Open of its virtual host (<see cref="BrokerProbeConnection"/>).
/// A TCP connect alone is not enough: under Aspire, DCP's proxy accepts the connection whether or not RabbitMQ is
/// behind it, and MassTransit's own bus check keeps reporting Healthy while its endpoints sit in reconnect loops
/// (MassTransit issues #2159 and #2716).
/// </summary>
public sealed class BrokerConnectionHealthCheck(BrokerProbeConnection probe) : IHealthCheck
{
    public const string Name = "messaging-broker";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = await probe.CheckAsync(cancellationToken);
        return failure is null
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, failure);
    }
}
