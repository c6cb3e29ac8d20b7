using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// Applies each integration event at most once per consumer: the inbox rows and the consumer's changes commit in one
/// transaction, and a redelivered event finds its inbox row already there and is acknowledged without effect. Events
/// arriving together share that transaction (<see cref="ConsumeBatches"/>, ADR 0025).
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger)
    : IConsumer<TMessage>, IBatchApplier<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public Task Consume(ConsumeContext<TMessage> context) => ConsumeBatches.SubmitAsync(this, context);

    public async Task ApplyBatchAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken)
    {
        var consumer = GetType().Name;
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);

        // ON CONFLICT makes a concurrent duplicate wait for the first transaction and then insert nothing; an id twice
        // in one batch is inserted, and so applied, once.
        var ids = messages.Select(m => m.EventId).ToArray();
        var fresh = (await Db.Database
            .SqlQuery<Guid>($"INSERT INTO inbox_messages (message_id, consumer, processed_at) SELECT id, {consumer}, {DateTimeOffset.UtcNow} FROM unnest({ids}) AS id ON CONFLICT DO NOTHING RETURNING message_id AS \"Value\"")
            .ToListAsync(cancellationToken)).ToHashSet();

        var toApply = new List<TMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (fresh.Remove(message.EventId))
            {
                toApply.Add(message);
            }
            else
            {
                InboxDuplicates.Record(logger, message.EventId, consumer);
            }
        }

        if (toApply.Count > 0)
        {
            await PrepareAsync(toApply, cancellationToken);
            foreach (var message in toApply)
            {
                await HandleAsync(message, cancellationToken);
            }
            await CompleteAsync(cancellationToken);
        }
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Before any event of a batch is handled: read in one round trip what every event would otherwise read alone.
    /// </summary>
    protected virtual Task PrepareAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Make the consumer's changes for one event on <see cref="Db"/>; the base class saves and commits them.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>After every event of a batch is handled, before the changes are saved and committed.</summary>
    protected virtual Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
