using Npgsql;

namespace Partnership.Testing;

public static class InboxInspection
{
    /// <summary>
    /// The most of these events any one transaction applied: the inbox rows a transaction inserted share its xmin, so
    /// more than one shows that the consumer committed events together (ADR 0025).
    /// </summary>
    public static async Task<int> LargestTransactionAsync(string connectionString, Guid[] eventIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(max(n), 0)::int FROM (SELECT count(*) AS n FROM inbox_messages WHERE message_id = ANY($1) GROUP BY xmin::text) t",
            connection) { Parameters = { new NpgsqlParameter { Value = eventIds } } };
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
