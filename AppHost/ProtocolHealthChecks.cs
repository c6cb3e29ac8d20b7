using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Partnership.AppHost;

/// <summary>
/// Health by protocol hello. A bare TCP connect proves little: a server can accept before it answers (RabbitMQ boots
/// behind its open port), and while DCP proxied the endpoints (until ADR 0023) the proxy accepted whether or not the
/// process was listening. So the check speaks the first bytes of the real protocol and looks at the answer.
/// </summary>
internal sealed class ProtocolHelloHealthCheck(EndpointReference endpoint, byte[] hello, Func<byte[], int, bool> isExpectedReply)
    : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy($"Endpoint '{endpoint.EndpointName}' has no port yet.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(hello, timeout.Token);
            var reply = new byte[64];
            var read = await stream.ReadAsync(reply, timeout.Token);
            return read > 0 && isExpectedReply(reply, read)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Unexpected reply ({read} bytes) on {endpoint.Host}:{endpoint.Port}.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No protocol reply on {endpoint.Host}:{endpoint.Port}.", ex);
        }
    }
}

internal static class ProtocolHealthCheckExtensions
{
    /// <summary>PostgreSQL answers an SSLRequest with a single 'N' (no TLS) or 'S' before any authentication.</summary>
    public static IResourceBuilder<T> WithPostgresHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName)
        where T : IResourceWithEndpoints =>
        builder.WithProtocolHealthCheck(endpointName, [0, 0, 0, 8, 4, 210, 22, 47], (reply, _) => reply[0] is (byte)'N' or (byte)'S');

    /// <summary>An AMQP 0-9-1 broker answers the protocol header with a Connection.Start method frame (type 1).</summary>
    public static IResourceBuilder<T> WithAmqpHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName)
        where T : IResourceWithEndpoints =>
        builder.WithProtocolHealthCheck(endpointName, "AMQP\0\0\u0009\u0001"u8.ToArray(), (reply, _) => reply[0] == 1);

    /// <summary>epmd answers NAMES_REQ with its own port as four big-endian bytes, then the registered names.</summary>
    public static IResourceBuilder<T> WithEpmdHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName)
        where T : IResourceWithEndpoints =>
        builder.WithProtocolHealthCheck(endpointName, [0, 1, 110], (_, read) => read >= 4);

    private static IResourceBuilder<T> WithProtocolHealthCheck<T>(
        this IResourceBuilder<T> builder, string endpointName, byte[] hello, Func<byte[], int, bool> isExpectedReply)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        var key = $"{builder.Resource.Name}-{endpointName}-protocol";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new ProtocolHelloHealthCheck(endpoint, hello, isExpectedReply), null, null));
        return builder.WithHealthCheck(key);
    }
}
