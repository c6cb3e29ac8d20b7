using System.Net;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests;

/// <summary>A gateway with a tiny allowance, so the limit is reached in a handful of calls.</summary>
public sealed class TightlyLimitedGateway(Platform platform) : GatewayFactory(platform, new Dictionary<string, string?>
{
    ["Gateway:RateLimit:PermitLimit"] = "3",
    ["Gateway:RateLimit:WindowSeconds"] = "60",
});

public sealed class RateLimitTests(Platform platform, TightlyLimitedGateway gateway) : IClassFixture<TightlyLimitedGateway>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_other_clients_are_unaffected()
    {
        var greedy = platform.Identity.Token(PartnershipApis.Health.Audience, clientId: "greedy-" + Guid.NewGuid());
        var modest = platform.Identity.Token(PartnershipApis.Health.Audience, clientId: "modest-" + Guid.NewGuid());

        for (var i = 0; i < 3; i++)
        {
            var allowed = await _client.GetWithTokenAsync("/api/health/children", greedy);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        var marker = Guid.NewGuid().ToString();
        var refused = await _client.GetWithTokenAsync($"/api/health/children/{marker}", greedy);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(platform.Services.SawPath(marker));

        var other = await _client.GetWithTokenAsync("/api/health/children", modest);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task User_tokens_without_a_client_id_are_limited_per_subject()
    {
        var alice = platform.Identity.Token(PartnershipApis.Board.Audience, clientId: null, subject: "alice-" + Guid.NewGuid());
        var bob = platform.Identity.Token(PartnershipApis.Board.Audience, clientId: null, subject: "bob-" + Guid.NewGuid());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetWithTokenAsync("/api/board/indicators", alice)).StatusCode);
        }

        Assert.Equal((HttpStatusCode)429, (await _client.GetWithTokenAsync("/api/board/indicators", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetWithTokenAsync("/api/board/indicators", bob)).StatusCode);
    }
}
