using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.AppHost.Tests;

/// <summary>
/// The first vertical slice through the running platform: a token from the identity service, a health assessment
/// posted through the gateway, the outbox, RabbitMQ and the board's consumer, and the board's indicator read back
/// through the gateway.
/// </summary>
public sealed class EndToEndTests(PartnershipAppFixture fixture)
{
    private static readonly TimeSpan BoardDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_assessment_posted_through_the_gateway_reaches_the_board_indicator()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = fixture.CreateGatewayClient();
        var healthToken = await TokenAsync(gateway, "health-system", "health.write");
        var boardToken = await TokenAsync(gateway, "board-reporting", "board.read");

        // A past quarter that no demo data touches, so the count is ours alone.
        var (year, before) = await EmptyQuarterAsync(gateway, boardToken);
        const int posted = 6;
        for (var i = 0; i < posted; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/health/assessments")
            {
                Content = JsonContent.Create(new
                {
                    childKey = $"E2E-{year}-{i}",
                    assessmentType = "Review",
                    dueDate = $"{year}-05-20",
                    completedOn = $"{year}-05-{10 + i:D2}",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", healthToken);
            using var response = await gateway.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(response.Headers.Contains("X-Correlation-Id"));
        }

        var deadline = DateTime.UtcNow + BoardDeadline;
        JsonElement indicator;
        do
        {
            indicator = await TimelinessAsync(gateway, boardToken, year);
            if (indicator.GetProperty("denominator").GetProperty("value") is { ValueKind: JsonValueKind.Number } d && d.GetInt32() == before + posted)
            {
                break;
            }
            await Task.Delay(250, ct);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal(before + posted, indicator.GetProperty("denominator").GetProperty("value").GetInt32());
        Assert.Equal(before + posted, indicator.GetProperty("numerator").GetProperty("value").GetInt32());
        Assert.Equal(100m, indicator.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_gateway_refuses_a_call_without_a_token_and_the_service_refuses_a_missing_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = fixture.CreateGatewayClient();
        var body = new { childKey = "E2E-AUTH", assessmentType = "Initial", dueDate = "2026-01-10", completedOn = "2026-01-09" };

        using var anonymous = await gateway.PostAsJsonAsync("/api/health/assessments", body, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var readOnly = new HttpRequestMessage(HttpMethod.Post, "/api/health/assessments") { Content = JsonContent.Create(body) };
        readOnly.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gateway, "health-system", "health.read"));
        using var forbidden = await gateway.SendAsync(readOnly, ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var otherAgency = new HttpRequestMessage(HttpMethod.Post, "/api/health/assessments") { Content = JsonContent.Create(body) };
        otherAgency.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gateway, "police-system", "missing.write"));
        using var wrongAudience = await gateway.SendAsync(otherAgency, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
    }

    [Fact]
    public async Task Invalid_input_through_the_gateway_is_a_problem_with_field_errors()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = fixture.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/health/assessments")
        {
            Content = JsonContent.Create(new { childKey = "not valid!", assessmentType = "Dental" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gateway, "health-system", "health.write"));
        using var response = await gateway.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ChildKey", out _));
        Assert.True(errors.TryGetProperty("AssessmentType", out _));
    }

    internal static async Task<string> TokenAsync(HttpClient gateway, string clientId, string scope)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"{clientId}-dev-secret",
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {clientId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> TimelinessAsync(HttpClient gateway, string token, int year)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/board/indicators?year={year}&quarter=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.Content.ReadFromJsonAsync<JsonElement>();
        return overview.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "HA-TIMELY").Clone();
    }

    /// <summary>Picks a financial year whose first quarter holds no assessment yet (the AppHost's state may persist).</summary>
    private static async Task<(int Year, int Before)> EmptyQuarterAsync(HttpClient gateway, string token)
    {
        for (var year = 2000 + Random.Shared.Next(0, 10); year < 2016; year++)
        {
            var indicator = await TimelinessAsync(gateway, token, year);
            if (indicator.GetProperty("denominator").GetProperty("value") is { ValueKind: JsonValueKind.Number } d && d.GetInt32() == 0)
            {
                return (year, 0);
            }
        }
        throw new InvalidOperationException("No empty quarter left between 2000 and 2015; delete .state/apphost-test.");
    }
}
