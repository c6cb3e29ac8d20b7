using System.Text.Json;
using Npgsql;

namespace Partnership.Testing;

/// <summary>Reads a service's outbox and tables directly, for tests that check what a request stored and published.</summary>
public static class OutboxProbe
{
    /// <summary>Outbox bodies of one event type (short name) for child keys starting with the prefix, oldest first.</summary>
    public static async Task<List<JsonElement>> EventsAsync(string connectionString, string eventType, string childKeyPrefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT body::text FROM {OutboxInspection.Events} e WHERE message_type LIKE @type AND body->>'childKey' LIKE @prefix ORDER BY sequence, position",
            connection);
        command.Parameters.AddWithValue("type", "%." + eventType);
        command.Parameters.AddWithValue("prefix", childKeyPrefix + "%");
        var bodies = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bodies.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }
        return bodies;
    }

    /// <summary>Runs a scalar query with one parameter, @prefix, bound to the child key prefix followed by %.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql, string childKeyPrefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", childKeyPrefix + "%");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
