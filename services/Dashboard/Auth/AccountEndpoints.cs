using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Partnership.Dashboard.Auth;

public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    /// <summary>POST /account/logout (antiforgery-checked form): ends the dashboard session and the identity service's.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding the form is what makes minimal APIs check the antiforgery token, so another site cannot sign users out.
        app.MapPost(LogoutPath, (IFormCollection form, HttpContext context) => TypedResults.SignOut(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .ExcludeFromDescription();
        return app;
    }
}
