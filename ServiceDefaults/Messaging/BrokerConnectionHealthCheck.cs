using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Partnership.ServiceDefaults.Messaging;

/// <summary>
/// Readiness of the broker connection. MassTransit's own bus check keeps reporting Healthy while RabbitMQ is
/// unreachable (its endpoints sit in reconnect loops without faulting; MassTransit issues #2159 and #2716), so a
/// service would stay "ready" through a broker outage. This check opens a TCP connection to the broker's AMQP port
/// with a short timeout: cheap enough for frequent probes, and it fails within that timeout when the broker is down.
/// </summary>
public sealed class BrokerReachableHealthCheck(RabbitMqEndpoint endpoint) : IHealthCheck
{
    public const string Name = "messaging-broker";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Host and port only: the connection string's credentials never reach a health response or a log.
            return new HealthCheckResult(context.Registration.FailureStatus, $"Broker {endpoint.Host}:{endpoint.Port} is unreachable.");
        }
    }
}
