using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>Token requests and JWT validation exactly as a resource server would perform them.</summary>
public static class TokenClient
{
    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        return http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("error").GetString()!;
    }

    /// <summary>Fetches the JWKS the way JwtBearer does: through the discovery document.</summary>
    public static async Task<JsonWebKeySet> JwksAsync(HttpClient http)
    {
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwksUri = new Uri(discovery.GetProperty("jwks_uri").GetString()!);
        return new JsonWebKeySet(await http.GetStringAsync(jwksUri.PathAndQuery));
    }

    public static async Task<TokenValidationResult> ValidateAsync(HttpClient http, string token, string audience)
    {
        var jwks = await JwksAsync(http);
        var issuer = IdentityServerFactory.Issuer;
        return await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = [issuer, issuer + "/"],
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireSignedTokens = true,
        });
    }

    /// <summary>"scope" is one space-separated string in OpenIddict's JWTs.</summary>
    public static IReadOnlyList<string> Scopes(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("scope", out var scope) ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public static IReadOnlyList<string> Values(JsonWebToken token, string claimType) =>
        [.. token.Claims.Where(c => c.Type == claimType).Select(c => c.Value)];
}
