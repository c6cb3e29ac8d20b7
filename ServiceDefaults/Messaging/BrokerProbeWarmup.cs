using Microsoft.Extensions.Hosting;

namespace Partnership.ServiceDefaults.Messaging;

/// <summary>
/// Opens the readiness probe's broker connection as the service starts, so the first readiness probe finds it open
/// instead of paying for the AMQP handshake itself (on a busy machine that first handshake is the slow one). A broker
/// that is not there yet is no error here: the readiness check reports it.
/// </summary>
public sealed class BrokerProbeWarmup(BrokerProbeConnection probe) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await probe.CheckAsync(stoppingToken);
        }
        catch (Exception)
        {
            // Whatever went wrong, the next readiness probe tries again and says why.
        }
    }
}
