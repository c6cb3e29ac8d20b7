using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnership.Contracts;
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

    /// <summary>
    /// Shortest time from the start of a pass that sent something to the start of the next. Under load each pass then
    /// carries the rows of every request that committed meanwhile, for one read, one update and one commit, instead of
    /// a pass for nearly every event; after a pass that found nothing, the next event leaves at once. Zero turns the
    /// pacing off.
    /// </summary>
    public TimeSpan MinimumPassInterval { get; set; } = TimeSpan.FromMilliseconds(25);
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
            var passStarted = Stopwatch.GetTimestamp();
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

            // A full batch may have more behind it; otherwise every row committed since the query has signalled.
            if (sent < options.Value.BatchSize && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                    // Paced only after a pass that sent something: after an empty one the stream has paused, and the
                    // next event goes at once. Real time, not the injected clock: the pause paces the loop, stamps nothing.
                    var untilNextPass = options.Value.MinimumPassInterval - Stopwatch.GetElapsedTime(passStarted);
                    if (sent > 0 && untilNextPass > TimeSpan.Zero)
                    {
                        await Task.Delay(untilNextPass, stoppingToken);
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Sends one pass; returns how many events were published. Public so tests and tools can drain explicitly.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Rows in sequence order until the pass holds BatchSize events; a batch row that starts below the cap is taken
        // whole, so a pass holds at most BatchSize + OutboxBulkWriter.EventsPerRow - 1 events.
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw($$"""
                WITH unsent AS (
                    SELECT sequence, sum(events) OVER (ORDER BY sequence) - events AS before
                    FROM {{OutboxModelBuilderExtensions.OutboxTable}} WHERE sent_at IS NULL ORDER BY sequence LIMIT {0})
                SELECT o.* FROM {{OutboxModelBuilderExtensions.OutboxTable}} o JOIN unsent u ON u.sequence = o.sequence
                WHERE u.before < {0} AND o.sent_at IS NULL
                ORDER BY o.sequence FOR UPDATE OF o SKIP LOCKED
                """, options.Value.BatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = Source.StartActivity("outbox dispatch");
        activity?.SetTag("outbox.batch_size", batch.Count);
        activity?.SetTag("outbox.events", batch.Sum(row => row.Events));

        // Every publish of the batch is started in sequence order before any confirm is awaited, so the broker confirms
        // them together instead of one round trip per event. Consumers never relied on publication order (they run
        // concurrently and keep the newest version by OccurredAt), so a failure no longer holds back the rows after it:
        // those published are marked sent, the failed ones stay for the next pass.
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(options.Value.PublishTimeout);
        var publishes = batch.Select(row => PublishAsync(bus, row, publishTimeout.Token)).ToArray();
        await Task.WhenAll(publishes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();

        var sent = new List<long>(batch.Count);
        var eventsSent = 0;
        var failed = new List<long>();
        var errors = new List<string>();
        Exception? firstFailure = null;
        for (var i = 0; i < batch.Count; i++)
        {
            if (publishes[i].IsCompletedSuccessfully)
            {
                sent.Add(batch[i].Sequence);
                eventsSent += batch[i].Events;
                continue;
            }
            var failure = publishes[i].Exception?.InnerException ?? new TimeoutException($"Publish not confirmed within {options.Value.PublishTimeout}.");
            firstFailure ??= failure;
            failed.Add(batch[i].Sequence);
            errors.Add(failure.Message.Length > 2000 ? failure.Message[..2000] : failure.Message);
        }

        // One statement per outcome rather than one tracked update per row.
        if (sent.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {OutboxModelBuilderExtensions.OutboxTable} SET sent_at = {{0}} WHERE sequence = ANY({{1}})",
                [clock.GetUtcNow(), sent.ToArray()], cancellationToken);
        }
        if (failed.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {OutboxModelBuilderExtensions.OutboxTable} o SET attempts = o.attempts + 1, last_error = f.error FROM unnest({{0}}, {{1}}) AS f(sequence, error) WHERE o.sequence = f.sequence",
                [failed.ToArray(), errors.ToArray()], cancellationToken);
            Failures.Add(failed.Count);
            LogPublishFailed(failed.Count, batch.Count, firstFailure!);
        }

        await transaction.CommitAsync(cancellationToken);
        Published.Add(eventsSent);
        return eventsSent;
    }

    /// <summary>
    /// Async so that a row that cannot be read fails only its own task, not the batch's loop. A batch row succeeds only
    /// if every event in it is confirmed; otherwise it is sent again whole and the consumers' inbox drops the repeats.
    /// </summary>
    private static async Task PublishAsync(IPublishEndpoint bus, OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = ContractTypes.Resolve(row.MessageType);
        if (row.Batch is null)
        {
            var message = JsonSerializer.Deserialize(row.Body ?? throw new InvalidOperationException("Outbox row has neither body nor batch."), type, ContractJson.Options)
                ?? throw new InvalidOperationException("Outbox body deserialised to null.");
            await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, cancellationToken);
            return;
        }
        var events = OutboxBatchJson.Read(row.Batch, type);
        var publishes = new Task[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var message = (IntegrationEvent)(events.GetValue(i) ?? throw new InvalidOperationException("Outbox batch holds a null event."));
            publishes[i] = bus.Publish(message, type, ctx => ctx.MessageId = message.EventId, cancellationToken);
        }
        await Task.WhenAll(publishes);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed")]
    private partial void LogDispatchFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Failed} of {Batch} outbox messages failed; they stay for the next pass")]
    private partial void LogPublishFailed(int failed, int batch, Exception ex);
}
