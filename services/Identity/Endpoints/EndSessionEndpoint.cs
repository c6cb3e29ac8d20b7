using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Server.AspNetCore;
using Partnership.Identity.Hosting;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Identity.Endpoints;

/// <summary>/connect/logout: ends the staff user's session here, then lets OpenIddict return to the client.</summary>
public static class EndSessionEndpoint
{
    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(IdentityServerRegistration.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, ILogger<EndSessionEndpointLog> logger)
    {
        var cookie = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (cookie.Principal?.FindFirst(PartnershipClaims.Subject)?.Value is { } userId)
        {
            IdentityLog.StaffSignedOut(logger, userId);
        }

        // OpenIddict redirects to the validated post_logout_redirect_uri when there is one; otherwise to our root.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>Log category for the end-session endpoint.</summary>
    public sealed class EndSessionEndpointLog;
}
