using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Partnership.ServiceDefaults.Outbox;

public sealed class ConsumeBatchOptions
{
    /// <summary>
    /// Most deliveries one transaction applies. One means every message in a transaction of its own, as before ADR 0025.
    /// </summary>
    public int MaxBatch { get; set; } = 32;
}

/// <summary>The process's group-commit workers, one per consumer type, created at that consumer's first message.</summary>
public sealed class ConsumeBatches(IServiceScopeFactory scopes, ILoggerFactory loggers, IOptions<ConsumeBatchOptions> options)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, IAsyncDisposable> batchers = new();
    private readonly Lock creating = new();

    /// <summary>
    /// Hands the message to its consumer type's worker and returns once the transaction that applied it has committed.
    /// </summary>
    public static Task SubmitAsync<TMessage>(IBatchApplier<TMessage> consumer, ConsumeContext<TMessage> context)
        where TMessage : class
    {
        var batches = context.GetPayload<IServiceProvider>().GetRequiredService<ConsumeBatches>();
        return batches.For<TMessage>(consumer.GetType())
            .SubmitAsync(context.Message, alone: context.GetRetryAttempt() > 0, context.CancellationToken);
    }

    private ConsumeBatcher<TMessage> For<TMessage>(Type consumerType)
    {
        if (batchers.TryGetValue(consumerType, out var existing))
        {
            return (ConsumeBatcher<TMessage>)existing;
        }
        // A lock rather than GetOrAdd's factory, which may run twice and leave a second worker waiting forever.
        lock (creating)
        {
            return (ConsumeBatcher<TMessage>)batchers.GetOrAdd(consumerType, type => new ConsumeBatcher<TMessage>(
                type, scopes, loggers.CreateLogger(type), Math.Max(1, options.Value.MaxBatch)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in batchers.Values)
        {
            await batcher.DisposeAsync();
        }
    }
}
