namespace Partnership.Retention.Tests.Infrastructure;

/// <summary>Outbox and inbox rows planted straight into a service's tables, with the dates a test needs.</summary>
public static class MessagingRows
{
    public static async Task<List<string>> OutboxAsync(this Sql sql, int count, DateTimeOffset createdAt, DateTimeOffset? sentAt)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await sql.ExecuteAsync("""
                INSERT INTO outbox_messages (message_id, message_type, body, created_at, sent_at, attempts)
                VALUES (@id, 'Retention.Tests:Planted', '{}'::jsonb, @created, @sent, 0)
                """, ("id", id), ("created", createdAt.ToUniversalTime()), ("sent", (object?)sentAt?.ToUniversalTime() ?? DBNull.Value));
            ids.Add(id.ToString());
        }
        return ids;
    }

    public static async Task<List<string>> InboxAsync(this Sql sql, int count, DateTimeOffset processedAt)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await sql.ExecuteAsync("INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES (@id, 'retention-tests', @at)",
                ("id", id), ("at", processedAt.ToUniversalTime()));
            ids.Add(id.ToString());
        }
        return ids;
    }

    public static Task<List<string>> OutboxIdsAsync(this Sql sql) => sql.StringsAsync("SELECT message_id FROM outbox_messages");

    public static Task<List<string>> InboxIdsAsync(this Sql sql) => sql.StringsAsync("SELECT message_id FROM inbox_messages");

    public static List<string> Sorted(params IEnumerable<string>[] groups) => [.. groups.SelectMany(g => g).Order(StringComparer.Ordinal)];
}
