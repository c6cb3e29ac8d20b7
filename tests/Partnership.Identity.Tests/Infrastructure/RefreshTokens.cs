using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>Refresh token and revocation requests as a client sends them.</summary>
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
}
