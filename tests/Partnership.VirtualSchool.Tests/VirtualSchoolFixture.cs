using System.Text.Json;
using Npgsql;
using Partnership.Testing;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Tests;

/// <summary>One identity service and one virtual school service (fresh database, real RabbitMQ) per test class.</summary>
public sealed class VirtualSchoolFixture() : ServiceFixture<VirtualSchoolDbContext>("virtualschooldb")
{
    public Task<HttpClient> SystemClientAsync(string? scope = null) => ClientAsync("virtual-school-system", scope);

    /// <summary>Outbox bodies of one event type for children whose key starts with the prefix, oldest first.</summary>
    public async Task<List<JsonElement>> OutboxEventsAsync(string eventType, string childKeyPrefix)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE @type AND body->>'childKey' LIKE @prefix ORDER BY sequence", connection);
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

    public async Task<long> ScalarAsync(string sql, string childKeyPrefix)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", childKeyPrefix + "%");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public Task<long> MarkCountAsync(string childKeyPrefix) =>
        ScalarAsync("SELECT count(*) FROM attendance_marks WHERE child_key LIKE @prefix", childKeyPrefix);
}
