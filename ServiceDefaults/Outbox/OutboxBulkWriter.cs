using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

public static class OutboxBulkWriter
{
    /// <summary>
    /// Stages many integration events in the outbox with one binary COPY on the context's connection, for bulk feeds
    /// where thousands of tracked entities would cost more than the change itself. It must run inside the transaction
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
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {OutboxModelBuilderExtensions.OutboxTable} (message_id, message_type, body, created_at, attempts) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var integrationEvent in events)
        {
            // Synchronous field writes: only a full buffer does I/O (the write then blocks for that flush), and the
            // async overloads cost a state machine and a cancellation registration per field of a bulk feed.
            importer.StartRow();
            importer.Write(integrationEvent.EventId, NpgsqlDbType.Uuid);
            importer.Write(messageType, NpgsqlDbType.Varchar);
            importer.Write(JsonSerializer.Serialize(integrationEvent, ContractJson.Options), NpgsqlDbType.Jsonb);
            importer.Write(createdAt, NpgsqlDbType.TimestampTz);
            importer.Write(0, NpgsqlDbType.Integer);
            written++;
        }
        await importer.CompleteAsync(cancellationToken);
        OutboxSignal.MarkStaged(db);
        return written;
    }
}
