using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>Plays the board dashboard and the browser: authorization code + PKCE through the login form, redirects by hand.</summary>
public static partial class DashboardSignIn
{
    public const string ClientId = "board-dashboard";
    public const string ClientSecret = "board-dashboard-dev-secret";
    public const string RedirectUri = "http://localhost:5090/signin-oidc";
    public const string AllScopes = "openid profile roles board.read board.write";

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string state, string scope = AllScopes) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Runs the whole flow and returns the token endpoint's response to the code redemption.</summary>
    public static async Task<HttpResponseMessage> SignInAndRedeemAsync(HttpClient browser, string userName, string password, string scope = AllScopes)
    {
        var (verifier, challenge) = NewPkce();
        var state = Guid.NewGuid().ToString("N");

        var authorize = await browser.GetAsync(AuthorizeUrl(challenge, state, scope));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var loginUrl = authorize.Headers.Location!;
        Assert.StartsWith("/account/login", PathAndQuery(loginUrl));

        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), loginUrl).Query)["returnUrl"].ToString();
        var loggedIn = await SubmitLoginAsync(browser, userName, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal(returnUrl, PathAndQuery(loggedIn.Headers.Location!));

        var issued = await browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var callback = issued.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString());
        var callbackQuery = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(state, callbackQuery["state"].ToString());
        var code = callbackQuery["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), $"No code in {callback}");

        return await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient browser, string userName, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync(QueryHelpers.AddQueryString("/account/login", "returnUrl", returnUrl));
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The login page has no antiforgery field.");

        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(antiforgery.Groups["name"].Value)] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    private static string PathAndQuery(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
