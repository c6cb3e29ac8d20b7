using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>Refresh token requests as a client sends them, and what the token store says about a sign-in's tokens.</summary>
public static class RefreshTokens
{
    public sealed record Grant(string AccessToken, string RefreshToken)
    {
        public string Subject => new JsonWebToken(AccessToken).Subject;
    }

    /// <summary>A dashboard sign-in that asks for offline_access, as the dashboard does.</summary>
    public static async Task<Grant> SignInAsync(HttpClient browser, string userName, string password) =>
        await GrantFromAsync(await DashboardSignIn.SignInAndRedeemAsync(browser, userName, password, DashboardSignIn.AllScopes + " offline_access"));

    public static Task<HttpResponseMessage> RefreshAsync(
        HttpClient http, string refreshToken, string clientId = DashboardSignIn.ClientId, string clientSecret = DashboardSignIn.ClientSecret) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public static Task<HttpResponseMessage> RevokeAsync(
        HttpClient http, string refreshToken, string clientId = DashboardSignIn.ClientId, string clientSecret = DashboardSignIn.ClientSecret) =>
        http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public static async Task<Grant> GrantFromAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.TryGetProperty("refresh_token", out var refresh), $"No refresh token in {body}");
        return new Grant(json.RootElement.GetProperty("access_token").GetString()!, refresh.GetString()!);
    }

    /// <summary>
    /// The statuses of the refresh tokens of the user's latest sign-in (each sign-in is an ad-hoc authorization that
    /// every token rolled from it stays attached to), oldest first, with their expiry dates.
    /// </summary>
    public static async Task<IReadOnlyList<(string Status, DateTimeOffset? Expires)>> LatestChainAsync(IServiceProvider services, string subject)
    {
        await using var scope = services.CreateAsyncScope();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();

        var latest = (string?)null;
        var latestCreated = DateTimeOffset.MinValue;
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject))
        {
            if (await authorizations.GetCreationDateAsync(authorization) is { } created && created >= latestCreated)
            {
                (latest, latestCreated) = (await authorizations.GetIdAsync(authorization), created);
            }
        }
        Assert.NotNull(latest);

        var chain = new List<(DateTimeOffset Created, string Status, DateTimeOffset? Expires)>();
        await foreach (var token in tokens.FindByAuthorizationIdAsync(latest))
        {
            if (await tokens.GetTypeAsync(token) == TokenTypeIdentifiers.RefreshToken)
            {
                chain.Add((await tokens.GetCreationDateAsync(token) ?? default, (await tokens.GetStatusAsync(token))!, await tokens.GetExpirationDateAsync(token)));
            }
        }
        return [.. chain.OrderBy(t => t.Created).Select(t => (t.Status, t.Expires))];
    }
}
