using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.Missing.Tests;

/// <summary>All missing-service test classes share one identity service and one service database.</summary>
[CollectionDefinition(Name)]
public sealed class MissingCollection : ICollectionFixture<MissingFixture>
{
    public const string Name = "missing";
}

public static class EpisodeSteps
{
    public static async Task<Guid> StartAsync(this HttpClient http, string childKey, DateTimeOffset? startedAt = null)
    {
        var response = await http.PostAsJsonAsync("/api/missing/episodes", Requests.Start(childKey, startedAt));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> StartAndEndAsync(this HttpClient http, string childKey, DateTimeOffset endedAt)
    {
        var id = await http.StartAsync(childKey, endedAt.AddHours(-6));
        var ended = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/end", Requests.End(endedAt));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        return id;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
