using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// Group commit for one consumer type (ADR 0025). Each delivery waits here while one worker applies whatever deliveries
/// are waiting, up to a maximum, in one transaction of a fresh scope. When none are waiting, a delivery
/// goes alone at once, so a quiet system adds no delay. A delivery is acknowledged only after its batch commits. If a
/// batch fails, its deliveries are applied again one by one, so one bad message fails alone, with MassTransit's retry
/// and error queue, and the rest commit. A retried delivery is always applied alone.
/// </summary>
internal sealed partial class ConsumeBatcher<TMessage> : IAsyncDisposable
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.PartnershipSource);
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);
    private static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>("partnership.inbox.batch_size");
    private static readonly Counter<long> SplitBatches = Meter.CreateCounter<long>("partnership.inbox.split_batches");

    private readonly Type consumerType;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger logger;
    private readonly int maxBatch;
    private readonly Channel<Delivery> waiting = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task worker;

    public ConsumeBatcher(Type consumerType, IServiceScopeFactory scopes, ILogger logger, int maxBatch)
    {
        this.consumerType = consumerType;
        this.scopes = scopes;
        this.logger = logger;
        this.maxBatch = maxBatch;
        worker = Task.Run(RunAsync);
    }

    public async Task SubmitAsync(TMessage message, bool alone, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(message, alone, Activity.Current?.Context);
        if (!waiting.Writer.TryWrite(delivery))
        {
            throw new OperationCanceledException("The consumer is stopping; the message will be redelivered.");
        }
        // If the wait is cancelled (the bus stopping) the batch may still commit; the redelivery then finds the inbox row.
        await delivery.Applied.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        waiting.Writer.TryComplete();
        await worker;
    }

    private async Task RunAsync()
    {
        var batch = new List<Delivery>(maxBatch);
        while (await waiting.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && waiting.Reader.TryRead(out var delivery))
            {
                if (delivery.Alone)
                {
                    await ApplyEachAsync([delivery]);
                    continue;
                }
                batch.Add(delivery);
            }
            if (batch.Count > 0)
            {
                await ApplyTogetherAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task ApplyTogetherAsync(List<Delivery> batch)
    {
        if (batch.Count == 1)
        {
            await ApplyEachAsync(batch);
            return;
        }
        try
        {
            await ApplyAsync(batch);
            foreach (var delivery in batch)
            {
                delivery.Applied.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            SplitBatches.Add(1, new KeyValuePair<string, object?>("consumer", consumerType.Name));
            LogBatchSplit(ex, batch.Count, consumerType.Name);
            await ApplyEachAsync(batch);
        }
    }

    private async Task ApplyEachAsync(List<Delivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                await ApplyAsync([delivery]);
                delivery.Applied.TrySetResult();
            }
            catch (Exception ex)
            {
                delivery.Applied.TrySetException(ex);
            }
        }
    }

    private async Task ApplyAsync(List<Delivery> deliveries)
    {
        // One span for the transaction, linked to every delivery's consume span, so a trace still leads from each
        // message to the commit that applied it.
        var links = deliveries.Where(d => d.Parent is not null).Select(d => new ActivityLink(d.Parent!.Value));
        using var activity = Source.StartActivity(ActivityKind.Internal, parentContext: default, links: links,
            name: $"{consumerType.Name} batch");
        activity?.SetTag("partnership.inbox.batch_size", deliveries.Count);
        BatchSizes.Record(deliveries.Count, new KeyValuePair<string, object?>("consumer", consumerType.Name));

        await using var scope = scopes.CreateAsyncScope();
        // MassTransit resolves consumers from the container, so every consumer that reaches here is registered in it.
        var consumer = (IBatchApplier<TMessage>)scope.ServiceProvider.GetRequiredService(consumerType);
        await consumer.ApplyBatchAsync(deliveries.ConvertAll(d => d.Message), CancellationToken.None);
    }

    private sealed record Delivery(TMessage Message, bool Alone, ActivityContext? Parent)
    {
        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A batch of {Count} messages for {Consumer} failed; applying them one by one")]
    private partial void LogBatchSplit(Exception exception, int count, string consumer);
}
