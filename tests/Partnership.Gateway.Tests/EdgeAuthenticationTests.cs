using System.Net;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests;

public sealed class EdgeAuthenticationTests(Platform platform, DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string> RejectedTokens =>
    [
        "none", "expired", "wrong-issuer", "wrong-audience", "bad-signature", "alg-none", "garbage",
    ];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_request_without_a_valid_token_gets_401_and_never_reaches_the_service(string kind)
    {
        var audience = PartnershipApis.Health.Audience;
        var token = kind switch
        {
            "none" => null,
            "expired" => platform.Identity.Token(audience, expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong-issuer" => platform.Identity.Token(audience, issuer: "http://impostor.example"),
            "wrong-audience" => platform.Identity.Token("some-other-api"),
            "bad-signature" => platform.Identity.Token(audience, foreignKey: true),
            "alg-none" => platform.Identity.UnsignedToken(audience),
            "garbage" => "not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var marker = Guid.NewGuid().ToString();

        var response = await _client.GetWithTokenAsync($"/api/health/children/{marker}", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
        Assert.False(platform.Services.SawPath(marker), "The gateway forwarded a request that had no valid token.");
    }
}
