using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults.Outbox;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Longest wait for one publish (including the broker's confirm). A confirm lost with a broker restart is otherwise
    /// awaited forever and stalls every later event; on timeout the row stays unsent and is retried.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Publishes committed outbox rows through MassTransit and marks them sent. Rows are claimed with
/// FOR UPDATE SKIP LOCKED, so several instances can run; a crash between publish and commit republishes,
/// which the consumers' inbox absorbs (at-least-once, never lost).
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.PartnershipSource);
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("partnership.outbox.published");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("partnership.outbox.failures");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(ex);
                sent = 0;
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (sent == 0 && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Sends one batch; returns how many rows were published. Public so tests and tools can drain explicitly.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw($"SELECT * FROM {OutboxModelBuilderExtensions.OutboxTable} WHERE sent_at IS NULL ORDER BY sequence LIMIT {{0}} FOR UPDATE SKIP LOCKED", options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = Source.StartActivity("outbox dispatch");
        activity?.SetTag("outbox.batch_size", batch.Count);
        var published = 0;
        foreach (var row in batch)
        {
            try
            {
                var type = ContractTypes.Resolve(row.MessageType);
                var message = JsonSerializer.Deserialize(row.Body, type, ContractJson.Options)
                    ?? throw new InvalidOperationException("Outbox body deserialised to null.");
                using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                publishTimeout.CancelAfter(options.Value.PublishTimeout);
                await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, publishTimeout.Token);
                row.SentAt = clock.GetUtcNow();
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep the row for the next pass; stop this batch so order is preserved behind the failure.
                row.Attempts++;
                row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                Failures.Add(1);
                LogPublishFailed(row.MessageId, row.Attempts, ex);
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Published.Add(published);
        return published;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed")]
    private partial void LogDispatchFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} failed (attempt {Attempts})")]
    private partial void LogPublishFailed(Guid messageId, int attempts, Exception ex);
}
