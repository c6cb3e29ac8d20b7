using System.Net;
using System.Net.Http.Json;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests;

public sealed class ProxyRoutingTests(Platform platform, DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string> Services => [.. PartnershipApis.All.Select(a => a.Service)];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_valid_token_is_proxied_to_the_owning_service_with_path_and_query_intact(string service)
    {
        var audience = PartnershipApis.All.Single(a => a.Service == service).Audience;
        var path = $"/api/{service}/children/{Guid.NewGuid()}/records?page=2&sort=date";
        var token = platform.Identity.Token(audience);

        var response = await _client.GetWithTokenAsync(path, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.NotNull(echoed);
        Assert.Equal(service, echoed.Service);
        Assert.Equal(path, echoed.Path);
        // The service validates the token again (its own audience and scopes), so the gateway must pass it on.
        Assert.Equal($"Bearer {token}", echoed.Authorization);
    }

    [Fact]
    public async Task Proxied_and_refused_responses_carry_the_browser_security_headers()
    {
        var proxied = await _client.GetWithTokenAsync($"/api/health/assessments/{Guid.NewGuid()}", platform.Identity.Token(PartnershipApis.Health.Audience));
        var refused = await _client.GetAsync("/api/health/assessments", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var response in new[] { proxied, refused })
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
            Assert.True(response.Headers.CacheControl?.NoStore, "an API answer must not be cached");
        }
    }

    [Fact]
    public async Task The_callers_correlation_id_is_forwarded_echoed_once_and_logged()
    {
        var correlationId = "corr-" + Guid.NewGuid().ToString("N")[..12];
        var path = $"/api/health/assessments/{Guid.NewGuid()}";

        var response = await _client.GetWithTokenAsync(path, platform.Identity.Token(PartnershipApis.Health.Audience), correlationId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal(correlationId, echoed!.CorrelationId);
        Assert.Equal([correlationId], response.Headers.GetValues("X-Correlation-Id"));
        Assert.Contains(gateway.Logs.Entries, log =>
            log.Scopes.TryGetValue("CorrelationId", out var id) && id == correlationId && log.Category.StartsWith("Yarp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_correlation_id_the_gateway_makes_one_and_forwards_it()
    {
        var response = await _client.GetWithTokenAsync($"/api/board/indicators/{Guid.NewGuid()}", platform.Identity.Token(PartnershipApis.Board.Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        var issued = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.False(string.IsNullOrWhiteSpace(issued));
        Assert.Equal(issued, echoed!.CorrelationId);
    }

    [Fact]
    public async Task A_hostile_correlation_id_is_replaced_not_forwarded()
    {
        var hostile = "bad id\twith spaces and a very long tail " + new string('x', 80);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/missing/episodes/{Guid.NewGuid()}");
        request.Headers.Authorization = new("Bearer", platform.Identity.Token(PartnershipApis.Missing.Audience));
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", hostile);

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.NotEqual(hostile, echoed!.CorrelationId);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Correlation-Id")), echoed.CorrelationId);
    }

    [Fact]
    public async Task A_token_for_another_platform_api_passes_the_edge_and_is_left_to_the_service_to_refuse()
    {
        var response = await _client.GetWithTokenAsync($"/api/sharing/requests/{Guid.NewGuid()}", platform.Identity.Token(PartnershipApis.Board.Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal("sharing", echoed!.Service);
    }

    [Fact]
    public async Task The_identity_discovery_document_is_reachable_without_a_token()
    {
        var response = await _client.GetWithTokenAsync("/.well-known/openid-configuration", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        Assert.Equal(platform.Identity.Issuer, document!["issuer"].ToString());
    }

    [Fact]
    public async Task The_dashboard_is_proxied_without_a_token_because_it_signs_users_in_itself()
    {
        var response = await _client.GetWithTokenAsync("/dashboard/overview", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal("dashboard", echoed!.Service);
        Assert.Equal("/dashboard/overview", echoed.Path);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_without_a_token(string path)
    {
        var response = await _client.GetWithTokenAsync(path, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
