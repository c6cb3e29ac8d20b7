using Microsoft.Playwright;

namespace Partnership.Dashboard.Tests.Hosting;

/// <summary>Signs in the way staff do: open the dashboard, get sent to the identity service's form, fill it in.</summary>
public static class StaffLogin
{
    public static Task SignInAsync(IPage page, DashboardStack stack, string userName, string password) =>
        SignInAsync(page, stack, stack.DashboardUrl, userName, password);

    /// <param name="dashboardUrl">Which of the stack's dashboards to sign in to.</param>
    public static async Task SignInAsync(IPage page, DashboardStack stack, string dashboardUrl, string userName, string password)
    {
        await page.GotoAsync(dashboardUrl + "/");
        // The dashboard has no session yet, so OpenID Connect sends the browser to the identity service's login page.
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(stack.IdentityUrl + "/account/login", StringComparison.Ordinal));
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"Expected the identity login page, but the browser is at {page.Url}: {await page.ContentAsync()}", ex);
        }
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(dashboardUrl, StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal));
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"Expected the dashboard after signing in, but the browser is at {page.Url}: {await page.ContentAsync()}", ex);
        }
    }
}
