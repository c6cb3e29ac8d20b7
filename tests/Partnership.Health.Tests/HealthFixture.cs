using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Partnership.Health.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;

namespace Partnership.Health.Tests;

public sealed class HealthFixture() : ServiceFixture<HealthDbContext>("healthdb")
{
    public Task<List<OutboxEvent>> OutboxAsync(string childKey) =>
        Service.WithServiceAsync<HealthDbContext, List<OutboxEvent>>(db => db.OutboxForChildAsync(childKey));

    public Task<T> DbAsync<T>(Func<HealthDbContext, Task<T>> query) => Service.WithServiceAsync(query);

    public static string NewChild() => $"HL-{Guid.NewGuid():N}"[..20];
}

/// <summary>All health test classes share one identity service and one service database.</summary>
[CollectionDefinition(Name)]
public sealed class HealthCollection : ICollectionFixture<HealthFixture>
{
    public const string Name = "health";
}

public static class ResponseAssertions
{
    public static async Task<JsonElement> FieldErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
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
