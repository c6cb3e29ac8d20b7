using Partnership.Contracts;
using Partnership.Sharing.Data;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Consumers;

/// <summary>An idempotent consumer of the sharing service, whose batches share their reads and their audit append.</summary>
public abstract class SharingConsumer<TMessage>(SharingDbContext db, SharingBatch batch, ILogger logger)
    : IdempotentConsumer<TMessage, SharingDbContext>(db, logger)
    where TMessage : IntegrationEvent
{
    protected override Task PrepareAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken) =>
        batch.StartAsync(messages.Select(m => m.ChildKey).ToArray(), cancellationToken);

    protected override Task CompleteAsync(CancellationToken cancellationToken) => batch.CompleteAsync(cancellationToken);
}
