using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Partnership.Dashboard.Auth;

/// <summary>How the session behaves at its edges: expired tokens, missing rights, and calls that are not page views.</summary>
public static class SessionEvents
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A session whose access token has expired is dropped, so the next page view signs in again; while the identity
    /// service's own session lasts this is a silent round trip that brings fresh tokens.
    /// </summary>
    public static Task RejectExpiredAccessTokenAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null
            && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            && expiry - ExpiryMargin < context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
        {
            context.RejectPrincipal();
        }
        return Task.CompletedTask;
    }

    /// <summary>Pages go to the "not authorised" page; downloads and other non-page requests just get 403.</summary>
    public static Task AccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (DashboardPaths.IsExport(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>A download without a session answers 401 instead of a redirect to the sign-in page.</summary>
    public static Task ChallengeAsync(RedirectContext context)
    {
        if (DashboardPaths.IsExport(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.HandleResponse();
        }
        return Task.CompletedTask;
    }
}
