using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

public static class OutboxBulkWriter
{
    /// <summary>
    /// Events per batch row. The dispatcher publishes a row whole, so this is also the most a failed publish makes it
    /// send again; it matches the dispatcher's default pass.
    /// </summary>
    public const int EventsPerRow = 200;

    private static readonly string[] Columns = ["message_id", "message_type", "batch", "events", "created_at", "attempts"];

    /// <summary>
    /// Stages many integration events in the outbox with one binary COPY on the context's connection, for bulk feeds
    /// where thousands of tracked entities would cost more than the change itself. Events go into batch rows of up to
    /// <see cref="EventsPerRow"/> (JSON in a compressed text column, ADR 0018, with the values all its events share written once, ADR 0022): one row, three index entries
    /// and one later 'sent' update per batch instead of per event. It must run inside the transaction of the change
    /// the events report, so they still exist if and only if that change commits.
    /// </summary>
    public static async Task<int> AddIntegrationEventsAsync<TEvent>(
        this DbContext db, IEnumerable<TEvent> events, TimeProvider clock, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        RequireTransaction(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, OutboxModelBuilderExtensions.OutboxTable, Columns, cancellationToken);
        var written = WriteRows(copy, events, clock);
        await copy.CompleteAsync(cancellationToken);
        OutboxSignal.MarkStaged(db);
        return written;
    }

    /// <summary>
    /// The outbox rows of <paramref name="events"/> encoded now, on the caller's thread, for
    /// <see cref="SendHeldEventsAsync"/> to COPY later in the transaction of the change they report.
    /// </summary>
    public static BinaryCopyWriter HoldIntegrationEvents<TEvent>(IEnumerable<TEvent> events, TimeProvider clock)
        where TEvent : IntegrationEvent
    {
        var copy = BinaryCopyWriter.Hold(OutboxModelBuilderExtensions.OutboxTable, Columns);
        WriteRows(copy, events, clock);
        return copy;
    }

    /// <summary>COPYs events encoded by <see cref="HoldIntegrationEvents"/>, under the same rule as a direct write.</summary>
    public static async Task SendHeldEventsAsync(this DbContext db, BinaryCopyWriter held, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        await held.SendAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);
        OutboxSignal.MarkStaged(db);
    }

    private static void RequireTransaction(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk outbox writes must run inside the transaction of the change they report.");
        }
    }

    private static int WriteRows<TEvent>(BinaryCopyWriter copy, IEnumerable<TEvent> events, TimeProvider clock) where TEvent : IntegrationEvent
    {
        var messageType = ContractTypes.NameOf(typeof(TEvent));
        var createdAt = clock.GetUtcNow();
        var written = 0;
        foreach (var row in events.Chunk(EventsPerRow))
        {
            copy.StartRow();
            copy.Write(Guid.CreateVersion7());
            copy.Write(messageType);
            copy.WriteJsonText(ContractJson.Options, row, OutboxBatchJson.Write);
            copy.Write(row.Length);
            copy.Write(createdAt);
            copy.Write(0);
            written += row.Length;
        }
        return written;
    }
}
