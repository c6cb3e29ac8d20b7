using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// Applies each integration event at most once per consumer: the inbox row and the consumer's changes commit in
/// one transaction, and a redelivered event finds its inbox row already there and is acknowledged without effect.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var consumer = GetType().Name;
        var eventId = context.Message.EventId;
        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);

        // ON CONFLICT makes a concurrent duplicate wait for the first transaction and then insert nothing.
        var inserted = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({eventId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (inserted == 0)
        {
            InboxDuplicates.Record(logger, eventId, consumer);
            return;
        }

        await HandleAsync(context.Message, context.CancellationToken);
        await Db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Make the consumer's changes on <see cref="Db"/>; the base class saves and commits them.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

}
