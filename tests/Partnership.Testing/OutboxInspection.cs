using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Partnership.Testing;

/// <summary>One event staged in a service's outbox, whether its row holds it alone or in a batch.</summary>
public sealed record OutboxEvent(long Sequence, int Position, string MessageType, string Body)
{
    /// <summary>The event type's short name (no namespace), for readable assertions.</summary>
    public string ShortType() => MessageType[(MessageType.LastIndexOf('.') + 1)..];
}

public static class OutboxInspection
{
    /// <summary>
    /// Every staged event as a row (sequence, position, message_type, sent_at, body as jsonb): batch rows written by
    /// OutboxBulkWriter are unnested (and their shared values put back into each event), so a query over it sees events, not storage. Use it in FROM with an alias.
    /// </summary>
    public const string Events = """
        (SELECT o.sequence, e.position::int AS position, o.message_type, o.sent_at, e.body
         FROM outbox_messages o
         -- OFFSET 0 keeps the batch parsed once per row: inlined, each use of it would parse the text again.
         CROSS JOIN LATERAL (SELECT o.batch::jsonb AS batch OFFSET 0) b
         CROSS JOIN LATERAL jsonb_array_elements(CASE
                 WHEN b.batch IS NULL THEN jsonb_build_array(o.body)
                 WHEN jsonb_typeof(b.batch) = 'array' THEN b.batch
                 ELSE (SELECT jsonb_agg((b.batch -> 'shared') || s.item ORDER BY s.n)
                       FROM jsonb_array_elements(b.batch -> 'events') WITH ORDINALITY AS s(item, n)) END)
             WITH ORDINALITY AS e(body, position))
        """;

    /// <summary>
    /// The staged events about one child, oldest first. Suites that share a service database between tests use their
    /// own child keys, so this is each test's view of what it published.
    /// </summary>
    public static Task<List<OutboxEvent>> OutboxForChildAsync(this DbContext db, string childKey) =>
        db.Database.SqlQueryRaw<OutboxEvent>(
                $"""
                SELECT e.sequence AS "Sequence", e.position AS "Position", e.message_type AS "MessageType", e.body::text AS "Body"
                FROM {Events} e WHERE e.body->>'childKey' = @child ORDER BY e.sequence, e.position
                """,
                new NpgsqlParameter("child", childKey))
            .ToListAsync();
}
