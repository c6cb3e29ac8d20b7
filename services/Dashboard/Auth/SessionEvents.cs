using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Partnership.Dashboard.Auth.Sessions;

namespace Partnership.Dashboard.Auth;

/// <summary>How the session behaves at its edges: expiring tokens, ended sessions, missing rights, and calls that are not page views.</summary>
public static class SessionEvents
{
    /// <summary>HttpContext.Items key set when this request found its session ended by the identity service.</summary>
    public const string SessionEndedItem = "partnership.dashboard.session-ended";

    /// <summary>
    /// Every request checks its session's tokens, refreshing the access token when it is about to expire. A session the
    /// identity service has ended (refresh token revoked or past its lifetime) is signed out and the request is sent to
    /// the "signed out" page; a session the store no longer knows (the dashboard restarted with an in-memory store) is
    /// dropped, so the next page view signs in again, silently while the identity service's own session lasts.
    /// </summary>
    public static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<SessionTokens>();
        var result = await tokens.AccessTokenAsync(SessionStart.SessionId(context.Principal), context.HttpContext.RequestAborted);
        switch (result)
        {
            case SessionTokens.SignedOut:
                context.HttpContext.Items[SessionEndedItem] = true;
                await RejectAsync(context);
                break;
            case SessionTokens.NoSession:
                await RejectAsync(context);
                break;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
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

    /// <summary>
    /// A download without a session answers 401 instead of a redirect to the sign-in page. A page whose session has
    /// just been ended goes to the "signed out" page, which says so and offers to sign in again, rather than straight
    /// back to the identity service as if nothing had happened.
    /// </summary>
    public static Task ChallengeAsync(RedirectContext context)
    {
        if (DashboardPaths.IsExport(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.HandleResponse();
        }
        else if (context.HttpContext.Items.ContainsKey(SessionEndedItem))
        {
            var returnUrl = context.Properties.RedirectUri ?? context.Request.PathBase + "/";
            context.Response.Redirect(context.Request.PathBase + DashboardPaths.SignedOut + QueryString.Create("returnUrl", returnUrl));
            context.HandleResponse();
        }
        return Task.CompletedTask;
    }
}
