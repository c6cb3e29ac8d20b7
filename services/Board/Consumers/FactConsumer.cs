using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.Board.Consumers;

/// <summary>
/// Turns one kind of agency event into a <see cref="ChildFact"/>. The child key is replaced by its pseudonym before
/// anything is stored. The write is one statement with the inbox row: an upsert on the natural key that only replaces
/// a row with an event at least as new, so corrections win and late, out-of-date versions are ignored, whatever order
/// the broker delivers them in.
/// </summary>
public abstract class FactConsumer<TEvent>(
    BoardDbContext db, ChildPseudonymiser pseudonymiser, TimeProvider clock, ILogger logger)
    : IdempotentStatementConsumer<TEvent, BoardDbContext>(db, logger)
    where TEvent : IntegrationEvent
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The fact for this event; <paramref name="child"/> is the pseudonym, never the platform key.</summary>
    protected abstract ChildFact ToFact(TEvent message, string child);

    /// <summary>A further condition on writing the fact, or null; it may read the board's tables.</summary>
    protected virtual FormattableString? Condition(TEvent message) => null;

    protected override void AppendStatement(PositionalSql sql, TEvent message)
    {
        var f = ToFact(message, pseudonymiser.Pseudonymise(message.ChildKey));
        f.SourceEventId = message.EventId;
        f.OccurredAt = message.OccurredAt;
        f.ReceivedAt = Clock.GetUtcNow();
        // Casts: the values are a SELECT list (from inbox_new), which gives a null no column type to take.
        sql.Append($"""
            INSERT INTO child_facts (kind, key, child, on_date, other_date, code, code2, code3, flag, flag2, flag3,
                                     number, number2, number3, import_id, source_event_id, occurred_at, received_at)
            SELECT {f.Kind}::text, {f.Key}::text, {f.Child}::text, {f.On}::date, {f.OtherDate}::date,
                   {f.Code}::text, {f.Code2}::text, {f.Code3}::text, {f.Flag}::boolean, {f.Flag2}::boolean, {f.Flag3}::boolean,
                   {f.Number}::integer, {f.Number2}::integer, {f.Number3}::integer, {f.ImportId}::uuid,
                   {f.SourceEventId}::uuid, {f.OccurredAt}::timestamptz, {f.ReceivedAt}::timestamptz
            FROM inbox_new
            """);
        if (Condition(message) is { } condition)
        {
            sql.Append($" WHERE ").Append(condition);
        }
        sql.Append($"""

            ON CONFLICT (kind, key) DO UPDATE SET
                child = EXCLUDED.child, on_date = EXCLUDED.on_date, other_date = EXCLUDED.other_date,
                code = EXCLUDED.code, code2 = EXCLUDED.code2, code3 = EXCLUDED.code3,
                flag = EXCLUDED.flag, flag2 = EXCLUDED.flag2, flag3 = EXCLUDED.flag3,
                number = EXCLUDED.number, number2 = EXCLUDED.number2, number3 = EXCLUDED.number3,
                import_id = EXCLUDED.import_id, source_event_id = EXCLUDED.source_event_id,
                occurred_at = EXCLUDED.occurred_at, received_at = EXCLUDED.received_at
            WHERE child_facts.occurred_at <= EXCLUDED.occurred_at
            """);
    }

    /// <summary>
    /// The consumer's upsert with the inbox left out, for the bench's in-process baseline: a monolith receives no
    /// duplicates to absorb, and otherwise writes what this consumer writes.
    /// </summary>
    public PositionalSql StatementWithoutInbox(TEvent message)
    {
        var sql = new PositionalSql().Append($"WITH inbox_new AS (SELECT 1)\n");
        AppendStatement(sql, message);
        return sql;
    }

    protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected static ChildFact Fact(string kind, string key, string child, DateOnly on) => new() { Kind = kind, Key = key, Child = child, On = on };
}
