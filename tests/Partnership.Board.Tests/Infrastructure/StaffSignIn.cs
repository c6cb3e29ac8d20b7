using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Partnership.Testing;

namespace Partnership.Board.Tests.Infrastructure;

/// <summary>
/// Signs a development staff user in to the in-process identity service as the board dashboard would (authorization
/// code with PKCE through the login form) and returns the access token. Only staff tokens carry board.write.
/// </summary>
public static partial class StaffSignIn
{
    private const string ClientId = "board-dashboard";
    private const string RedirectUri = "http://localhost:5090/signin-oidc";

    public static async Task<string> AccessTokenAsync(IdentityHost identity, string userName, string password, string scope = "openid board.read board.write")
    {
        using var browser = identity.CreateClient();
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = "s",
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

        // The client follows redirects: the authorize request lands on the login page.
        var loginPage = await browser.GetAsync(authorize);
        var html = await loginPage.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        Assert.True(antiforgery.Success, "The login page has no antiforgery field.");
        var returnUrl = QueryHelpers.ParseQuery(loginPage.RequestMessage!.RequestUri!.Query)["returnUrl"].ToString();

        // After sign-in the redirects end at the dashboard's callback (not served here); its address carries the code.
        var callback = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(antiforgery.Groups["name"].Value)] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
        var code = QueryHelpers.ParseQuery(callback.RequestMessage!.RequestUri!.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), $"No code after sign-in; ended at {callback.RequestMessage.RequestUri}");

        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = ClientId,
            ["client_secret"] = "board-dashboard-dev-secret",
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
