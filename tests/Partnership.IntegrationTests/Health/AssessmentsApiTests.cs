using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Health.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;

namespace Partnership.IntegrationTests.Health;

/// <summary>The health API with real tokens from the identity service, real PostgreSQL and RabbitMQ.</summary>
public sealed class AssessmentsApiTests : IAsyncLifetime
{
    private IdentityHost _identity = null!;
    private ServiceUnderTest<HealthDbContext> _health = null!;

    private static object ValidBody(string childKey = "CH-0001") => new
    {
        childKey,
        assessmentType = "Initial",
        dueDate = "2026-10-01",
        completedOn = "2026-09-28",
        dentalCheckUpToDate = true,
        sdqScore = 14,
    };

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityHost.StartAsync();
        _health = await ServiceUnderTest<HealthDbContext>.StartAsync(_identity, "healthdb");
    }

    public async ValueTask DisposeAsync()
    {
        await _health.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_token_the_call_is_refused_with_401()
    {
        using var http = await _health.ClientAsync(clientId: null);
        var response = await http.PostAsJsonAsync("/api/health/assessments", ValidBody());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task Another_agencys_token_is_refused()
    {
        // The virtual school's token is for its own API: wrong audience, so 401 at authentication.
        using var wrongAudience = await _health.ClientAsync("virtual-school-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongAudience.PostAsJsonAsync("/api/health/assessments", ValidBody())).StatusCode);

        // The health system asking only for read: right audience, missing scope, so 403.
        using var readOnly = await _health.ClientAsync("health-system", "health.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/health/assessments", ValidBody())).StatusCode);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task Invalid_input_gets_field_errors_and_nothing_is_stored_or_published()
    {
        using var http = await _health.ClientAsync("health-system");
        var response = await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = "bad key!",
            assessmentType = "Dental",
            dueDate = "2026-10-01",
            completedOn = "2099-01-01",
            sdqScore = 99,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "ChildKey", "AssessmentType", "CompletedOn", "SdqScore" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await StoredCount());
        Assert.Equal(0, await _health.WithServiceAsync<HealthDbContext, int>(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_response_and_stores_nothing()
    {
        using var http = await _health.ClientAsync("health-system");
        var response = await http.PostAsync("/api/health/assessments",
            new StringContent("{\"childKey\": \"CH-1\", \"dueDate\": \"not-a-date\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task A_valid_assessment_is_stored_with_its_event_and_listed_for_the_submitting_agency()
    {
        using var http = await _health.ClientAsync("health-system");
        var created = await http.PostAsJsonAsync("/api/health/assessments", ValidBody("CH-LIST-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("withinTimescale").GetBoolean());
        Assert.NotNull(created.Headers.Location);

        var outbox = await _health.WithServiceAsync<HealthDbContext, List<OutboxMessage>>(db => db.Set<OutboxMessage>().ToListAsync());
        var message = Assert.Single(outbox);
        Assert.Contains("HealthAssessmentCompleted", message.MessageType);
        Assert.Contains("CH-LIST-1", message.Body);

        var list = await http.GetFromJsonAsync<JsonElement>("/api/health/assessments?page=1&pageSize=10");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal("CH-LIST-1", list.GetProperty("items")[0].GetProperty("childKey").GetString());

        var one = await http.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    private Task<int> StoredCount() => _health.WithServiceAsync<HealthDbContext, int>(db => db.Assessments.CountAsync());
}
