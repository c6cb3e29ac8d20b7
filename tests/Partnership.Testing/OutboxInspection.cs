using Microsoft.EntityFrameworkCore;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Testing;

public static class OutboxInspection
{
    /// <summary>
    /// The outbox rows whose event is about one child, oldest first. Suites that share a service database between tests
    /// use their own child keys, so this is each test's view of what it published.
    /// </summary>
    public static Task<List<OutboxMessage>> OutboxForChildAsync(this DbContext db, string childKey) =>
        db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE body->>'childKey' = {childKey}")
            .OrderBy(m => m.Sequence)
            .ToListAsync();

    /// <summary>The event type's short name (no namespace), for readable assertions.</summary>
    public static string ShortType(this OutboxMessage message) => message.MessageType[(message.MessageType.LastIndexOf('.') + 1)..];
}
