using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.Dashboard.Tests.Hosting;

namespace Partnership.Dashboard.Tests;

/// <summary>
/// A board member signs in through the real login form, reads the overview, enters a manual value (seeing the board
/// API's validation message first), follows the indicator to its chart and table, and downloads the overview as CSV.
/// </summary>
public sealed class BoardMemberJourneyTests(DashboardStack stack)
{
    // Children in Care Council members: a manual count, baseline 18, target 20, so 19 is amber (within the tolerance of 2).
    private const string Indicator = "1.4";

    [Fact]
    public async Task Board_member_sees_rag_tiles_enters_a_value_sees_the_trend_and_downloads_csv()
    {
        var page = await stack.NewPageAsync();
        await StaffLogin.SignInAsync(page, stack, "board.member", "Board-Member-1!");

        // Overview: tiles grouped under a heading per strategic priority, RAG given as text as well as colour. The
        // prerendered page already shows them, then the interactive render loads them again (a moment of "Loading"),
        // so the tiles are counted once the circuit is up and they are back.
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Action plan overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^SP1: "), Level = 2 })).ToBeVisibleAsync();
        // Fails (times out) unless every indicator of the default plan gets a tile.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('article.tile').length >= 50");
        var tile = page.Locator($"article.tile[data-indicator='{Indicator}']");
        await Assertions.Expect(tile.Locator(".rag-badge")).ToHaveAttributeAsync("data-rag", "NoData");
        await Assertions.Expect(tile.Locator(".rag-badge__label")).ToHaveTextAsync("No data");
        await Assertions.Expect(tile.Locator("[data-field=target]")).ToContainTextAsync("20");
        await Assertions.Expect(tile.Locator("[data-field=baseline]")).ToContainTextAsync("18");

        // Keyboard users land on the skip link first; the page declares its language.
        // The skip link is the first focusable element of the page and leads to the main landmark. (Driving it with
        // the Tab key proved unreliable while Blazor's interactive render replaces the server-rendered DOM.)
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        var firstFocusable = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')].find(e => !e.disabled)?.textContent?.trim() ?? ''");
        Assert.Equal("Skip to main content", firstFocusable);
        Assert.EndsWith("#main-content", await skipLink.GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#main-content")).ToHaveCountAsync(1);
        await skipLink.FocusAsync();
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");

        // Indicator page: a manual indicator offers the entry form to a board.write holder.
        await tile.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{Regex.Escape(Indicator)} "), Level = 1 })).ToBeVisibleAsync();
        var form = page.Locator("form.manual-form[data-ready=true]");
        await Assertions.Expect(form).ToBeVisibleAsync();

        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0).map(e => e.id || e.name)");
        Assert.Empty(unlabelled);

        // No source: the board API refuses it, and its problem details (its own words) appear in the summary and at the field.
        await page.GetByLabel("Value (a count)").FillAsync("19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("'Source' must not be empty");
        await Assertions.Expect(page.Locator("#manual-source-error")).ToContainTextAsync("'Source' must not be empty");
        await Assertions.Expect(page.GetByLabel("Source of the value")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Source of the value").FillAsync("Children in Care Council register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("Saved 19");

        // The trend: a Plotly SVG with the value, baseline and target traces, and the same numbers in a table.
        var currentQuarter = CurrentQuarterLabel();
        var row = page.Locator($"#trend-quarters tr[data-period='{currentQuarter}']");
        await Assertions.Expect(row.Locator("[data-field=value]")).ToHaveTextAsync("19");
        await Assertions.Expect(row.Locator(".rag-badge")).ToHaveAttributeAsync("data-rag", "Amber");
        await Assertions.Expect(page.Locator("#trend-chart svg.main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#trend-chart .scatterlayer .trace")).ToHaveCountAsync(3);
        var legend = await page.Locator("#trend-chart .legendtext").AllTextContentsAsync();
        Assert.Equal(["Value", "Baseline", "Target"], legend);
        await Assertions.Expect(page.GetByTestId("as-at").Locator("time")).ToContainTextAsync(DateTime.UtcNow.ToString("yyyy", CultureInfo.InvariantCulture));

        // Back on the overview the tile has moved to amber, in words as well as colour.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the overview" }).ClickAsync();
        var updated = page.Locator($"article.tile[data-indicator='{Indicator}']");
        await Assertions.Expect(updated.Locator(".rag-badge__label")).ToHaveTextAsync("Amber");
        await Assertions.Expect(updated.Locator("[data-field=value]")).ToHaveTextAsync("19");
        await Assertions.Expect(updated.Locator("[data-field=trend]")).ToContainTextAsync("Not comparable");

        // CSV download through the dashboard, with the user's token. The link is picked by its target: once (a CI clone,
        // 2026-11-29) the file downloaded was the indicator page's (1.4's sixteen periods) although the overview's
        // tiles were already showing, so "the first CSV link" is not enough to be sure which view is downloaded.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-export=csv][href^='export/overview.csv']").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("plan,priority,indicator,action,title,period,", lines[0]);
        var header = lines[0].Split(',');
        // The cells read here come before any free text that could hold a quoted comma.
        var cells = Assert.Single(lines, l => l.Split(',')[2] == Indicator).Split(',');
        string Cell(string name) => cells[Array.IndexOf(header, name)];
        Assert.Equal(currentQuarter, Cell("period"));
        Assert.Equal(19m, decimal.Parse(Cell("value"), CultureInfo.InvariantCulture));
        Assert.Equal("count", Cell("unit"));
        Assert.Equal("Amber", Cell("rag"));
        Assert.True(lines.Length > 50, "one line per indicator");

        // JSON of the indicator view, also through the dashboard with the session's token.
        var json = await page.APIRequest.GetAsync($"{stack.DashboardUrl}/export/indicators/{Indicator}.json");
        Assert.Equal(200, json.Status);
        Assert.StartsWith("attachment", json.Headers["content-disposition"], StringComparison.Ordinal);
        using var detail = JsonDocument.Parse(await json.TextAsync());
        Assert.Equal(Indicator, detail.RootElement.GetProperty("indicator").GetProperty("id").GetString());
        Assert.Equal(19m, detail.RootElement.GetProperty("current").GetProperty("value").GetDecimal());
    }

    private static string CurrentQuarterLabel()
    {
        var today = DateTime.UtcNow;
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var quarter = ((today.Month + 8) % 12) / 3 + 1;
        return $"{year}/{(year + 1) % 100:D2} Q{quarter}";
    }
}
