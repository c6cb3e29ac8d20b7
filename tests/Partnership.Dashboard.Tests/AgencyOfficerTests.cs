using Microsoft.Playwright;
using Partnership.Dashboard.Tests.Hosting;

namespace Partnership.Dashboard.Tests;

/// <summary>
/// An agency officer can sign in (the identity service knows them) but their token carries no board scope: the
/// dashboard answers 403 with a clear page, shows no board data, and refuses the export links too.
/// </summary>
public sealed class AgencyOfficerTests(DashboardStack stack)
{
    [Fact]
    public async Task Agency_officer_gets_the_not_authorised_page_and_no_board_data()
    {
        var page = await stack.NewPageAsync();
        await StaffLogin.SignInAsync(page, stack, "officer.health", "Officer-Health-1!");

        var response = await page.GotoAsync(stack.DashboardUrl + "/");
        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        Assert.Contains("/forbidden", response.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not authorised for the board", Level = 1 })).ToBeVisibleAsync();
        await AssertNoBoardDataAsync(page);

        var indicator = await page.GotoAsync(stack.DashboardUrl + "/indicators/1.4");
        Assert.Equal(403, indicator!.Status);
        await AssertNoBoardDataAsync(page);
    }

    [Fact]
    public async Task Agency_officer_cannot_download_exports_directly()
    {
        var page = await stack.NewPageAsync();
        await StaffLogin.SignInAsync(page, stack, "officer.health", "Officer-Health-1!");

        // The page's request context carries the officer's session cookie, as a typed-in URL would.
        foreach (var path in new[] { "/export/overview.csv", "/export/overview.json", "/export/indicators/1.4.csv", "/export/plans.csv" })
        {
            var export = await page.APIRequest.GetAsync(stack.DashboardUrl + path, new() { MaxRedirects = 0 });
            Assert.Equal(403, export.Status);
            Assert.DoesNotContain("Children in Care Council", await export.TextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_without_a_session_is_refused_without_a_redirect()
    {
        var page = await stack.NewPageAsync();
        var export = await page.APIRequest.GetAsync(stack.DashboardUrl + "/export/overview.csv", new() { MaxRedirects = 0 });
        Assert.Equal(401, export.Status);
    }

    private static async Task AssertNoBoardDataAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("article.tile, [data-indicator], table").CountAsync());
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Children in Care Council", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Action plan overview", text, StringComparison.Ordinal);
    }
}
