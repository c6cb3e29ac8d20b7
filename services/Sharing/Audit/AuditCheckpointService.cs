using Microsoft.Extensions.Options;

namespace Partnership.Sharing.Audit;

public sealed class AuditCheckpointOptions
{
    public const string Section = "Sharing:AuditCheckpoints";

    /// <summary>How long a chain's newest entries may go unnamed by a checkpoint (and so be deletable without trace).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Writes a checkpoint on a timer; a failed attempt is logged and tried again at the next tick.</summary>
public sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, TimeProvider clock, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<AuditCheckpointWriter>().WriteAsync(stoppingToken);
                if (written is not null)
                {
                    LogWritten(written.Sequence, written.Hash);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit checkpoint {Sequence} written ({Hash})")]
    private partial void LogWritten(long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint not written; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
