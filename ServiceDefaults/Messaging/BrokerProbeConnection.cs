using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnership.ServiceDefaults.Messaging;

/// <summary>
/// One small AMQP connection kept open for readiness probes, under the service's own broker user and named
/// "&lt;service&gt; readiness" in the management UI. While it is open a probe costs nothing; when the broker closes it
/// (shutdown, restart) or stops answering heartbeats, the next probe fails and tries a fresh connection, which only
/// succeeds once the broker completes the AMQP handshake and accepts the login again. No channel is ever opened.
/// </summary>
public sealed class BrokerProbeConnection(RabbitMqEndpoint endpoint, string serviceName) : IAsyncDisposable
{
    /// <summary>Generous for a loaded machine; a stopped broker or one behind a proxy with nothing behind it fails at once anyway.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>Null when the connection is open, otherwise why not (host and port only: never the credentials).</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true })
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return null;
            }
            await CloseQuietlyAsync();

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            var factory = new ConnectionFactory
            {
                HostName = endpoint.Host,
                Port = endpoint.Port,
                VirtualHost = endpoint.VirtualHost,
                UserName = endpoint.Username,
                Password = endpoint.Password,
                // The probe must see an outage, not hide it behind its own reconnects.
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = ConnectTimeout,
                HandshakeContinuationTimeout = ConnectTimeout,
                ContinuationTimeout = ConnectTimeout,
                RequestedHeartbeat = Heartbeat,
            };
            try
            {
                _connection = await factory.CreateConnectionAsync($"{serviceName} readiness", timeout.Token);
                return null;
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException
                or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"No AMQP connection to the broker at {endpoint.Host}:{endpoint.Port} ({Reason(ex)}).";
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => $"no handshake within {ConnectTimeout.TotalSeconds:0} s",
        BrokerUnreachableException { InnerException: AuthenticationFailureException } => "login refused",
        BrokerUnreachableException => "unreachable or no AMQP handshake",
        _ => ex.GetType().Name,
    };

    private async Task CloseQuietlyAsync()
    {
        if (_connection is null)
        {
            return;
        }
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
            // Already gone with the broker; nothing to release.
        }
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await CloseQuietlyAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
