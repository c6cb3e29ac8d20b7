using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Board.Consumers;

/// <summary>
/// Turns one kind of agency event into a <see cref="ChildFact"/>. The child key is replaced by its pseudonym before
/// anything is stored. The write is an upsert on the natural key that only replaces a row with an event at least as
/// new, so corrections win and late, out-of-date versions are ignored, whatever order the broker delivers them in.
/// </summary>
public abstract class FactConsumer<TEvent>(
    BoardDbContext db, ChildPseudonymiser pseudonymiser, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, BoardDbContext>(db, logger)
    where TEvent : IntegrationEvent
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The fact for this event; <paramref name="child"/> is the pseudonym, never the platform key.</summary>
    protected abstract ChildFact ToFact(TEvent message, string child);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var fact = ToFact(message, pseudonymiser.Pseudonymise(message.ChildKey));
        fact.SourceEventId = message.EventId;
        fact.OccurredAt = message.OccurredAt;
        fact.ReceivedAt = Clock.GetUtcNow();
        await UpsertNewestAsync(Db, fact, cancellationToken);
    }

    internal static Task<int> UpsertNewestAsync(BoardDbContext db, ChildFact f, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO child_facts (kind, key, child, on_date, other_date, code, code2, code3, flag, flag2, flag3,
                                     number, number2, number3, import_id, source_event_id, occurred_at, received_at)
            VALUES ({f.Kind}, {f.Key}, {f.Child}, {f.On}, {f.OtherDate}, {f.Code}, {f.Code2}, {f.Code3}, {f.Flag}, {f.Flag2}, {f.Flag3},
                    {f.Number}, {f.Number2}, {f.Number3}, {f.ImportId}, {f.SourceEventId}, {f.OccurredAt}, {f.ReceivedAt})
            ON CONFLICT (kind, key) DO UPDATE SET
                child = EXCLUDED.child, on_date = EXCLUDED.on_date, other_date = EXCLUDED.other_date,
                code = EXCLUDED.code, code2 = EXCLUDED.code2, code3 = EXCLUDED.code3,
                flag = EXCLUDED.flag, flag2 = EXCLUDED.flag2, flag3 = EXCLUDED.flag3,
                number = EXCLUDED.number, number2 = EXCLUDED.number2, number3 = EXCLUDED.number3,
                import_id = EXCLUDED.import_id, source_event_id = EXCLUDED.source_event_id,
                occurred_at = EXCLUDED.occurred_at, received_at = EXCLUDED.received_at
            WHERE child_facts.occurred_at <= EXCLUDED.occurred_at
            """, cancellationToken);

    protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected static ChildFact Fact(string kind, string key, string child, DateOnly on) => new() { Kind = kind, Key = key, Child = child, On = on };
}
