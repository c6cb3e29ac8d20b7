using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

public sealed class CareRegisterFixture() : ServiceFixture<CareRegisterDbContext>("careregisterdb")
{
    public Task<List<OutboxEvent>> OutboxAsync(string childKey) =>
        Service.WithServiceAsync<CareRegisterDbContext, List<OutboxEvent>>(db => db.OutboxForChildAsync(childKey));

    public Task<T> DbAsync<T>(Func<CareRegisterDbContext, Task<T>> query) => Service.WithServiceAsync(query);

    /// <summary>A scalar from plain SQL, for the SSDA903 row tables that EF does not map.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Plain SQL for a test's set-up, such as a trigger that makes a write fail.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<long> OutboxCountAsync(string shortType, Guid? importId = null) => importId is { } id
        ? CountAsync($"SELECT count(*) FROM {OutboxInspection.Events} e WHERE message_type LIKE '%.' || @t AND body->>'importId' = @id", ("t", shortType), ("id", id.ToString()))
        : CountAsync($"SELECT count(*) FROM {OutboxInspection.Events} e WHERE message_type LIKE '%.' || @t", ("t", shortType));
}

/// <summary>All care register test classes share one identity service and one service database.</summary>
[CollectionDefinition(Name)]
public sealed class CareRegisterCollection : ICollectionFixture<CareRegisterFixture>
{
    public const string Name = "care-register";
}

public static class ResponseAssertions
{
    public static async Task<JsonElement> FieldErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        return errors;
    }

    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
