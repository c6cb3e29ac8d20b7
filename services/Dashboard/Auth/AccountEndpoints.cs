using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Partnership.Dashboard.Auth.Sessions;

namespace Partnership.Dashboard.Auth;

public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";
    public const string SignInPath = "/account/signin";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // POST /account/logout (antiforgery-checked form): ends the dashboard session and the identity service's, and
        // gives the refresh token back so it cannot be used again. Binding the form is what makes minimal APIs check the
        // antiforgery token, so another site cannot sign users out.
        app.MapPost(LogoutPath, async (IFormCollection form, HttpContext context, SessionTokens tokens) =>
            {
                await tokens.SignOutAsync(SessionStart.SessionId(context.User), context.RequestAborted);
                return TypedResults.SignOut(
                    new AuthenticationProperties { RedirectUri = context.Request.PathBase + "/" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            })
            .ExcludeFromDescription();

        // GET /account/signin?returnUrl=: "sign in again" after a session ended, whatever state the old cookie is in.
        app.MapGet(SignInPath, (HttpContext context, string? returnUrl) =>
            {
                // The ended session's own request would otherwise be sent to the "signed out" page once more.
                context.Items.Remove(SessionEvents.SessionEndedItem);
                return TypedResults.Challenge(
                    new AuthenticationProperties { RedirectUri = LocalOrHome(context, returnUrl) },
                    [OpenIdConnectDefaults.AuthenticationScheme]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Only a path on this site, never "//host" or "/\host", which browsers read as another site.</summary>
    public static string LocalOrHome(HttpContext context, string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : context.Request.PathBase + "/";
}
