using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Partnership.Identity.Tests.Infrastructure;
using static Partnership.Identity.Tests.Infrastructure.TokenClient;

namespace Partnership.Identity.Tests;

public sealed class AuthorizationCodeFlowTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    [Fact]
    public async Task Board_member_gets_board_scopes_role_and_board_audience()
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var response = await DashboardSignIn.SignInAndRedeemAsync(browser, "board.member", "Board-Member-1!");
        var accessToken = await AccessTokenAsync(response);

        var result = await ValidateAsync(browser, accessToken, "partnership-board");
        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(new[] { "board-member" }, Values(jwt, "role"));
        Assert.Contains("board.read", Scopes(jwt));
        Assert.Contains("board.write", Scopes(jwt));
        Assert.Equal("board", Assert.Single(Values(jwt, "agency")));
        Assert.Equal("Board Member (dev)", Assert.Single(Values(jwt, "name")));
        Assert.True(Guid.TryParse(Assert.Single(Values(jwt, "sub")), out _), "sub should be the opaque user id");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("id_token", out _), "openid was requested, so an identity token is due");
    }

    [Fact]
    public async Task Agency_officer_does_not_get_board_read()
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var response = await DashboardSignIn.SignInAndRedeemAsync(browser, "officer.health", "Officer-Health-1!");
        var jwt = new JsonWebToken(await AccessTokenAsync(response));

        Assert.DoesNotContain("board.read", Scopes(jwt));
        Assert.DoesNotContain("board.write", Scopes(jwt));
        Assert.DoesNotContain("partnership-board", jwt.Audiences);
        Assert.Equal(new[] { "agency-officer" }, Values(jwt, "role"));
        Assert.Equal("health", Assert.Single(Values(jwt, "agency")));
    }

    [Theory]
    [InlineData("admin", "Admin-Dev-1!", true, true)]
    [InlineData("dpo", "Dpo-Dev-1!", true, false)]
    public async Task Board_scopes_follow_the_role(string userName, string password, bool read, bool write)
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var jwt = new JsonWebToken(await AccessTokenAsync(await DashboardSignIn.SignInAndRedeemAsync(browser, userName, password)));

        Assert.Equal(read, Scopes(jwt).Contains("board.read"));
        Assert.Equal(write, Scopes(jwt).Contains("board.write"));
    }

    [Fact]
    public async Task Refresh_token_yields_a_new_access_token_with_the_same_grants()
    {
        using var browser = server.Factory.CreateBrowserlessClient();
        var response = await DashboardSignIn.SignInAndRedeemAsync(
            browser, "board.member", "Board-Member-1!", DashboardSignIn.AllScopes + " offline_access");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var refreshToken = body.RootElement.GetProperty("refresh_token").GetString()!;

        var refreshed = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = DashboardSignIn.ClientId,
            ["client_secret"] = DashboardSignIn.ClientSecret,
        }));

        var jwt = new JsonWebToken(await AccessTokenAsync(refreshed));
        Assert.Contains("board.read", Scopes(jwt));
        Assert.Equal(new[] { "board-member" }, Values(jwt, "role"));
    }

    [Fact]
    public async Task Logout_ends_the_session_and_returns_to_the_dashboard()
    {
        using var browser = server.Factory.CreateBrowserlessClient();
        await AccessTokenAsync(await DashboardSignIn.SignInAndRedeemAsync(browser, "board.member", "Board-Member-1!"));

        var logout = await browser.GetAsync(
            "/connect/logout?client_id=board-dashboard&post_logout_redirect_uri=" +
            Uri.EscapeDataString("http://localhost:5090/signout-callback-oidc") + "&state=bye");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("http://localhost:5090/signout-callback-oidc", logout.Headers.Location!.ToString());
        // The session cookie is gone: a new authorization request goes back to the login page.
        var (_, challenge) = DashboardSignIn.NewPkce();
        var again = await browser.GetAsync(DashboardSignIn.AuthorizeUrl(challenge, "s"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), again.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task Userinfo_returns_the_signed_in_users_claims()
    {
        using var browser = server.Factory.CreateBrowserlessClient();
        var accessToken = await AccessTokenAsync(await DashboardSignIn.SignInAndRedeemAsync(browser, "board.member", "Board-Member-1!"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new("Bearer", accessToken);
        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"Board Member (dev)\"", body);
        Assert.Contains("board-member", body);
    }

    [Fact]
    public async Task Authorization_request_without_pkce_is_refused()
    {
        using var browser = server.Factory.CreateBrowserlessClient();
        var url = DashboardSignIn.AuthorizeUrl("unused", "s")
            .Replace("&code_challenge=unused", "", StringComparison.Ordinal)
            .Replace("&code_challenge_method=S256", "", StringComparison.Ordinal);

        var response = await browser.GetAsync(url);

        var refusedInPlace = response.StatusCode == HttpStatusCode.BadRequest;
        var refusedByRedirect = response.Headers.Location?.ToString() is { } location
            && location.StartsWith(DashboardSignIn.RedirectUri, StringComparison.Ordinal)
            && location.Contains("error=invalid_request", StringComparison.Ordinal);
        Assert.True(refusedInPlace || refusedByRedirect, $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Wrong_password_re_renders_the_form_without_signing_in()
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var response = await DashboardSignIn.SubmitLoginAsync(browser, "board.member", "wrong-password", "/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("<label for=\"password\">", page);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task Login_never_redirects_off_site(string returnUrl)
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var response = await DashboardSignIn.SubmitLoginAsync(browser, "dpo", "Dpo-Dev-1!", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_rejected()
    {
        using var browser = server.Factory.CreateBrowserlessClient();

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "board.member",
            ["password"] = "Board-Member-1!",
            ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
