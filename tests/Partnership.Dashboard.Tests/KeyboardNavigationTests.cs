using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.Dashboard.Tests.Hosting;

namespace Partnership.Dashboard.Tests;

/// <summary>
/// A board member who uses only the keyboard: focus starts on the page heading, the skip link is reachable and moves
/// focus past the header into the main content, and Tab then Enter on an indicator tile opens that indicator's page.
/// </summary>
public sealed class KeyboardNavigationTests(DashboardStack stack)
{
    [Fact]
    public async Task Skip_link_then_a_tile_link_reach_an_indicator_without_a_mouse()
    {
        var page = await stack.NewPageAsync();
        await StaffLogin.SignInAsync(page, stack, "board.member", "Board-Member-1!");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Action plan overview", Level = 1 })).ToBeVisibleAsync();
        // Until the interactive circuit has replaced the prerendered page, focus could be lost in the swap.
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToHaveCountAsync(1);

        // After each navigation focus goes to the page's heading, so a screen reader starts by announcing it.
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Action plan overview", Level = 1 });
        await Assertions.Expect(heading).ToBeFocusedAsync();

        // Shift+Tab walks back through the header to the skip link, the first stop on the page.
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        for (var presses = 0; presses < 10 && !await IsFocusedAsync(skipLink); presses++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        // Hidden off-screen until focused, then on screen for sighted keyboard users.
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, $"the focused skip link is on screen (at {box?.X}, {box?.Y})");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        // The next Tab lands inside the main landmark, past the header's links and sign-out button.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('#main-content')"),
            "after the skip link, focus continues inside the main content");

        // Tab walks on until it reaches an indicator tile's link.
        string? focusedTile = null;
        for (var presses = 0; presses < 30; presses++)
        {
            focusedTile = await page.EvaluateAsync<string?>(
                "() => document.activeElement?.closest('article.tile')?.getAttribute('data-indicator') ?? null");
            if (focusedTile is not null)
            {
                break;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.NotNull(focusedTile);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{Regex.Escape(focusedTile)} "), Level = 1 }))
            .ToBeFocusedAsync();
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");
}
