using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// For a consumer whose whole effect is one INSERT (an upsert, say): the inbox row is written by a data-modifying CTE
/// of that same statement, and the consumer's INSERT selects its row from it, so it writes only for an event seen for
/// the first time. One round trip and no explicit transaction per event, where <see cref="IdempotentConsumer{TMessage,
/// TDbContext}"/> needs three: a single statement is atomic on its own, and a concurrent duplicate waits on the inbox
/// key and then writes nothing.
/// </summary>
public abstract partial class IdempotentStatementConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var consumer = GetType().Name;
        var message = context.Message;
        var sql = new PositionalSql().Append($"""
            WITH inbox_new AS (
                INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({message.EventId}, {consumer}, {DateTimeOffset.UtcNow})
                ON CONFLICT DO NOTHING RETURNING 1),
            applied AS (

            """);
        AppendStatement(sql, message);
        sql.Append($"""

                RETURNING 1)
            SELECT (SELECT count(*) FROM inbox_new)::int, (SELECT count(*) FROM applied)::int
            """);

        await Db.Database.OpenConnectionAsync(context.CancellationToken);
        try
        {
            await using var command = sql.ToCommand((NpgsqlConnection)Db.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
            await reader.ReadAsync(context.CancellationToken);
            if (reader.GetInt32(0) == 0)
            {
                InboxDuplicates.Record(logger, message.EventId, consumer);
            }
            else if (reader.GetInt32(1) == 0)
            {
                LogNotApplied(message.EventId, consumer);
            }
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The consumer's INSERT with its row selected <c>FROM inbox_new</c> (one row for a new event, none for a duplicate),
    /// without RETURNING. A parameter whose value may be null needs a cast: a SELECT list gives PostgreSQL no column to
    /// infer its type from.
    /// </summary>
    protected abstract void AppendStatement(PositionalSql sql, TMessage message);


    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} recorded by {Consumer} but changed nothing (a newer version is stored)")]
    private partial void LogNotApplied(Guid eventId, string consumer);
}
