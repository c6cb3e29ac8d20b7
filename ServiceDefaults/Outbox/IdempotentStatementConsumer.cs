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
/// the first time. Events arriving together (<see cref="ConsumeBatches"/>, ADR 0025) go as one batch of such
/// statements: one round trip and one implicit transaction for all of them, where <see cref="IdempotentConsumer{TMessage,
/// TDbContext}"/> needs an explicit one. A concurrent duplicate waits on the inbox key and then writes nothing.
/// </summary>
public abstract partial class IdempotentStatementConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger)
    : IConsumer<TMessage>, IBatchApplier<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public Task Consume(ConsumeContext<TMessage> context) => ConsumeBatches.SubmitAsync(this, context);

    public async Task ApplyBatchAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken)
    {
        var consumer = GetType().Name;
        await Db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Without a transaction of its own, PostgreSQL runs a batch sent before one Sync as a single implicit
            // transaction: every statement commits, or none does.
            await using var batch = new NpgsqlBatch((NpgsqlConnection)Db.Database.GetDbConnection());
            foreach (var message in messages)
            {
                batch.BatchCommands.Add(Statement(message, consumer).ToBatchCommand());
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var message in messages)
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetInt32(0) == 0)
                {
                    InboxDuplicates.Record(logger, message.EventId, consumer);
                }
                else if (reader.GetInt32(1) == 0)
                {
                    LogNotApplied(message.EventId, consumer);
                }
                await reader.NextResultAsync(cancellationToken);
            }
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    private PositionalSql Statement(TMessage message, string consumer)
    {
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
        return sql;
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
