using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.Dashboard.Tests.Hosting;
using Partnership.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Dashboard.Tests;

/// <summary>
/// A dashboard page left open past the access token's 15 minutes. The session dashboard's clock is moved forward (the
/// identity service and the board keep real time), so the dashboard must replace its token before using it: inside the
/// open interactive circuit as well as on a fresh page load. When the identity service has revoked the session, the
/// user is told they are signed out and can sign in again. One class, so its tests never move the clock under each other;
/// each test signs in as a board member of its own, so the token store's view of "this sign-in" is never another test's.
/// </summary>
public sealed class SessionRefreshTests(DashboardStack stack)
{
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    private const string Password = "Session-Test-1!";

    private async Task<string> SignInAsNewBoardMemberAsync(IPage page)
    {
        var userName = $"session.{Guid.NewGuid():N}"[..20];
        var subject = await IdentityTokenStore.AddBoardMemberAsync(stack.IdentityServices, userName, Password);
        await StaffLogin.SignInAsync(page, stack, stack.SessionDashboardUrl, userName, Password);
        await OverviewReadyAsync(page);
        return subject;
    }

    [Fact]
    public async Task An_open_page_past_the_token_lifetime_refreshes_and_the_board_accepts_the_new_token()
    {
        var page = await stack.NewPageAsync();
        var start = stack.SessionBoardCalls.Count;
        var subject = await SignInAsNewBoardMemberAsync(page);
        var signInCalls = stack.SessionBoardCalls.Since(start, subject);
        var firstToken = Assert.Single(signInCalls.Where(c => c.Status == HttpStatusCode.OK).Select(c => c.TokenId).Distinct());
        var mark = stack.SessionBoardCalls.Count;
        // Marks this document: still there after the click means the circuit did the work, not a new page load.
        await page.EvaluateAsync("() => window.sameCircuit = true");

        stack.SessionClock.Advance(AccessTokenLifetime);
        await page.Locator("article.tile[data-indicator='1.4']").GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^1\.4 "), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("source-kind")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameCircuit === true"));
        var circuitCalls = stack.SessionBoardCalls.Since(mark, subject);
        Assert.NotEmpty(circuitCalls);
        Assert.All(circuitCalls, c => Assert.Equal(HttpStatusCode.OK, c.Status));
        // One refresh for the page's calls together, and never the old token again.
        var refreshedToken = Assert.Single(circuitCalls.Select(c => c.TokenId).Distinct());
        Assert.NotEqual(firstToken, refreshedToken);

        // At the identity service the sign-in's refresh token was rolled: redeemed, with one valid successor.
        var chain = await IdentityTokenStore.LatestRefreshChainAsync(stack.IdentityServices, subject);
        Assert.Equal([Statuses.Redeemed, Statuses.Valid], chain.Select(t => t.Status));

        // A new page load (a new request and circuit) uses the refreshed token without refreshing again.
        mark = stack.SessionBoardCalls.Count;
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("source-kind")).ToBeVisibleAsync();
        var reloadCalls = stack.SessionBoardCalls.Since(mark, subject);
        Assert.NotEmpty(reloadCalls);
        Assert.All(reloadCalls, c => Assert.Equal((refreshedToken, HttpStatusCode.OK), (c.TokenId, c.Status)));
    }

    [Fact]
    public async Task A_revoked_session_shows_signed_out_in_the_open_page_and_on_the_next_load_then_signs_in_again()
    {
        var page = await stack.NewPageAsync();
        var subject = await SignInAsNewBoardMemberAsync(page);

        // An administrator ends the user's sessions at the identity service while the page stays open.
        Assert.True(await IdentityTokenStore.RevokeAllTokensOfAsync(stack.IdentityServices, subject) > 0);
        stack.SessionClock.Advance(AccessTokenLifetime);
        await page.Locator("article.tile[data-indicator='1.4']").GetByRole(AriaRole.Link).ClickAsync();

        var signedOut = page.GetByRole(AriaRole.Heading, new() { Name = "You have been signed out", Level = 1 });
        await Assertions.Expect(signedOut).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("Signed in as")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("article.tile, [data-testid=source-kind]").CountAsync());

        // The next page load says the same, on a page of its own rather than a silent trip to the identity service.
        await page.ReloadAsync();
        Assert.StartsWith(stack.SessionDashboardUrl + "/signed-out", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(signedOut).ToBeVisibleAsync();
        var export = await page.APIRequest.GetAsync(stack.SessionDashboardUrl + "/export/overview.csv", new() { MaxRedirects = 0 });
        Assert.Equal(401, export.Status);

        // Signing in again (the identity service's own session still stands) leads back to the page the user was on.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(stack.SessionDashboardUrl + "/indicators/1.4", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("source-kind")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Signed in as")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_gives_the_refresh_token_back_to_the_identity_service()
    {
        var page = await stack.NewPageAsync();
        var subject = await SignInAsNewBoardMemberAsync(page);
        Assert.Equal([Statuses.Valid], (await IdentityTokenStore.LatestRefreshChainAsync(stack.IdentityServices, subject)).Select(t => t.Status));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(stack.IdentityUrl + "/account/login", StringComparison.Ordinal));

        Assert.Equal([Statuses.Revoked], (await IdentityTokenStore.LatestRefreshChainAsync(stack.IdentityServices, subject)).Select(t => t.Status));
    }

    private static async Task OverviewReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('article.tile').length >= 50");
    }
}
