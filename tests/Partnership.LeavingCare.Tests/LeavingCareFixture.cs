using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Partnership.LeavingCare.Data;
using Partnership.Testing;

namespace Partnership.LeavingCare.Tests;

/// <summary>One identity service and one leaving care service (fresh database, real RabbitMQ) per test class.</summary>
public sealed class LeavingCareFixture() : ServiceFixture<LeavingCareDbContext>("leavingcaredb")
{
    public Task<HttpClient> SystemClientAsync(string? scope = null) => ClientAsync("leaving-care-system", scope);

    public Task<List<JsonElement>> OutboxEventsAsync(string eventType, string childKeyPrefix) =>
        OutboxProbe.EventsAsync(Service.ConnectionString, eventType, childKeyPrefix);

    public Task<long> CountAsync(string sql, string childKeyPrefix) => OutboxProbe.CountAsync(Service.ConnectionString, sql, childKeyPrefix);

    public async Task RegisterAsync(HttpClient http, string childKey, string dateOfBirth, string category = "FormerRelevant")
    {
        var response = await http.PostAsJsonAsync("/api/leaving-care/care-leavers", new { childKey, dateOfBirth, category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
