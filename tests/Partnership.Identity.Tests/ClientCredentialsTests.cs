using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Partnership.Identity.Tests.Infrastructure;
using static Partnership.Identity.Tests.Infrastructure.TokenClient;

namespace Partnership.Identity.Tests;

public sealed class ClientCredentialsTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    private readonly HttpClient _http = server.Factory.CreateBrowserlessClient();

    [Fact]
    public async Task Health_system_token_carries_audience_scope_and_agency_and_validates_against_the_jwks()
    {
        var response = await ClientCredentialsAsync(_http, "health-system", "health-system-dev-secret", "health.read");
        var token = await AccessTokenAsync(response);

        var result = await ValidateAsync(_http, token, "partnership-health");

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(["partnership-health"], jwt.Audiences);
        Assert.Equal(["health.read"], Scopes(jwt));
        Assert.Equal(["health"], Values(jwt, "agency"));
        Assert.Equal(["health-system"], Values(jwt, "client_id"));
        Assert.Equal(["health-system"], Values(jwt, "sub"));
    }

    [Fact]
    public async Task Without_a_scope_parameter_the_client_gets_all_its_permitted_scopes_and_their_audiences()
    {
        var token = new JsonWebToken(await AccessTokenAsync(await ClientCredentialsAsync(_http, "police-system", "police-system-dev-secret")));

        Assert.Equal(
            ["child.resolve", "missing.read", "missing.write", "sharing.decide", "sharing.inbox", "youth-justice.write"],
            Scopes(token).Order());
        Assert.Equal(
            ["partnership-care-register", "partnership-missing", "partnership-sharing", "partnership-youth-justice"],
            token.Audiences.Order());
        Assert.Equal(["police"], Values(token, "agency"));
    }

    [Fact]
    public async Task Board_reporting_token_is_limited_to_board_read()
    {
        var token = new JsonWebToken(await AccessTokenAsync(await ClientCredentialsAsync(_http, "board-reporting", "board-reporting-dev-secret")));

        Assert.Equal(["board.read"], Scopes(token));
        Assert.Equal(["partnership-board"], token.Audiences);
        Assert.Equal(["board"], Values(token, "agency"));
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_as_invalid_client()
    {
        var response = await ClientCredentialsAsync(_http, "health-system", "not-the-secret", "health.read");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Fact]
    public async Task Wrong_secret_is_reported_before_scope_problems()
    {
        var response = await ClientCredentialsAsync(_http, "health-system", "not-the-secret", "care-register.write");

        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Fact]
    public async Task Unknown_client_is_rejected_as_invalid_client()
    {
        var response = await ClientCredentialsAsync(_http, "no-such-system", "whatever", "health.read");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Theory]
    [InlineData("care-register.write")] // exists, but belongs to social care
    [InlineData("board.read")]
    [InlineData("no-such.scope")]
    public async Task A_scope_the_client_is_not_permitted_is_rejected_as_invalid_scope(string scope)
    {
        var response = await ClientCredentialsAsync(_http, "health-system", "health-system-dev-secret", $"health.read {scope}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", await ErrorAsync(response));
    }

    [Fact]
    public async Task Discovery_document_advertises_the_configured_endpoints_and_rs256()
    {
        var discovery = await _http.GetStringAsync("/.well-known/openid-configuration");

        Assert.Contains("\"issuer\": \"http://localhost/\"", discovery);
        Assert.Contains("http://localhost/connect/token", discovery);
        Assert.Contains("http://localhost/connect/authorize", discovery);
        Assert.Contains("http://localhost/connect/logout", discovery);
        Assert.Contains("http://localhost/connect/userinfo", discovery);
        Assert.Contains("RS256", discovery);
    }
}
