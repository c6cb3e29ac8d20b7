using System.Net;
using System.Net.Http.Json;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests;

/// <summary>A gateway whose <c>ReverseProxy</c> section replaces one catalogue cluster and adds a route of its own.</summary>
public sealed class ReconfiguredGateway(Platform platform) : GatewayFactory(platform, new Dictionary<string, string?>
{
    ["ReverseProxy:Clusters:board:Destinations:relocated:Address"] = platform.Services.Urls["health"],
    // Nothing listens on port 1: the gateway's own failure to reach a service.
    ["ReverseProxy:Clusters:sharing:Destinations:unreachable:Address"] = "http://127.0.0.1:1",
    ["ReverseProxy:Routes:extra:ClusterId"] = "missing",
    ["ReverseProxy:Routes:extra:Match:Path"] = "/extra/{**rest}",
});

public sealed class ConfigurationOverrideTests(Platform platform, ReconfiguredGateway gateway) : IClassFixture<ReconfiguredGateway>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task A_cluster_in_configuration_replaces_the_catalogue_one()
    {
        var response = await _client.GetWithTokenAsync("/api/board/indicators", platform.Identity.Token(PartnershipApis.Board.Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal("health", echoed!.Service);
    }

    [Fact]
    public async Task A_route_added_in_configuration_reaches_a_catalogue_cluster_and_still_requires_a_token()
    {
        var anonymous = await _client.GetWithTokenAsync("/extra/thing", token: null);
        var authenticated = await _client.GetWithTokenAsync("/extra/thing", platform.Identity.Token(PartnershipApis.Missing.Audience));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        var echoed = await authenticated.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal("missing", echoed!.Service);
    }

    [Fact]
    public async Task An_unreachable_service_gives_a_502_problem_document()
    {
        var response = await _client.GetWithTokenAsync("/api/sharing/requests", platform.Identity.Token(PartnershipApis.Sharing.Audience));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }
}
