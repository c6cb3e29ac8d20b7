using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Partnership.Identity.Clients;
using Partnership.Testing;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>
/// A development staff user's access token, obtained the way the board dashboard obtains it: authorization code with
/// PKCE through the identity service's real login form. The identity service decides which scopes the user keeps.
/// </summary>
public static partial class StaffTokens
{
    private static readonly string RedirectUri = DashboardClient.DefaultRedirectUris[0];

    public static async Task<string> AccessTokenAsync(IdentityHost identity, string userName, string password, string scope)
    {
        using var browser = identity.CreateClient();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = DashboardClient.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = "s",
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        var loginPage = await browser.GetAsync(authorize);
        var html = await loginPage.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException($"No login form for {userName}: {(int)loginPage.StatusCode} at {loginPage.RequestMessage?.RequestUri}");
        }
        var returnUrl = QueryHelpers.ParseQuery(loginPage.RequestMessage!.RequestUri!.Query)["returnUrl"].ToString();
        var callback = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(antiforgery.Groups["name"].Value)] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
        var code = QueryHelpers.ParseQuery(callback.RequestMessage!.RequestUri!.Query)["code"].ToString();
        if (string.IsNullOrEmpty(code))
        {
            throw new InvalidOperationException($"No authorization code for {userName}; ended at {callback.RequestMessage.RequestUri}");
        }
        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = DashboardClient.ClientId,
            ["client_secret"] = DashboardClient.DevelopmentSecret,
        }));
        var body = await token.Content.ReadAsStringAsync();
        if (!token.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token redemption for {userName} failed: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
