using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

public static class OutboxBulkWriter
{
    /// <summary>
    /// Stages many integration events in the outbox with one binary COPY on the context's connection, for bulk feeds
    /// where thousands of tracked entities would cost more than the change itself (bodies serialised as UTF-8 straight
    /// into the COPY, see <see cref="BinaryCopyWriter"/>). It must run inside the transaction
    /// of the change the events report, so they still exist if and only if that change commits.
    /// </summary>
    public static async Task<int> AddIntegrationEventsAsync<TEvent>(
        this DbContext db, IEnumerable<TEvent> events, TimeProvider clock, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk outbox writes must run inside the transaction of the change they report.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var messageType = ContractTypes.NameOf(typeof(TEvent));
        var createdAt = clock.GetUtcNow();
        var written = 0;
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, OutboxModelBuilderExtensions.OutboxTable,
            ["message_id", "message_type", "body", "created_at", "attempts"], cancellationToken);
        foreach (var integrationEvent in events)
        {
            copy.StartRow();
            copy.Write(integrationEvent.EventId);
            copy.Write(messageType);
            copy.WriteJsonb(integrationEvent, ContractJson.Options);
            copy.Write(createdAt);
            copy.Write(0);
            written++;
        }
        await copy.CompleteAsync(cancellationToken);
        OutboxSignal.MarkStaged(db);
        return written;
    }
}
