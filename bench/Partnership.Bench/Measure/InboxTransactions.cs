using System.Globalization;
using Npgsql;

namespace Partnership.Bench.Measure;

/// <summary>
/// How many transactions the consumers of one database used for the events they applied in a window (ADR 0025): the
/// inbox rows an event's transaction inserted share that transaction's xmin, so distinct xmins count transactions
/// exactly, where PostgreSQL's own commit counters lag by up to its statistics flush interval.
/// </summary>
public static class InboxTransactions
{
    public static async Task<string> DescribeAsync(string database, string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT consumer, count(*), count(DISTINCT xmin::text)
            FROM inbox_messages WHERE processed_at >= $1 AND processed_at < $2
            GROUP BY consumer ORDER BY count(*) DESC
            """, connection)
        {
            Parameters = { new NpgsqlParameter { Value = from }, new NpgsqlParameter { Value = to } },
        };
        var parts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (events, transactions) = (reader.GetInt64(1), reader.GetInt64(2));
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0)} {events:N0} events in {transactions:N0} transactions ({(double)events / transactions:F1} each)"));
        }
        return $"{database}: " + (parts.Count == 0 ? "no events" : string.Join("; ", parts));
    }
}
