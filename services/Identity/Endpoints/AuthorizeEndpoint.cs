using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Partnership.Identity.Data;
using Partnership.Identity.Hosting;
using Partnership.Identity.Users;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Endpoints;

/// <summary>
/// /connect/authorize after OpenIddict has validated the client, redirect URI and PKCE challenge: signs the staff user
/// in (through the login page when needed) and issues the authorization code.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(IdentityServerRegistration.AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        IOpenIddictScopeManager scopes,
        IdentityDbContext db,
        ILogger<AuthorizeEndpointLog> logger,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");

        var cookie = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var user = await FindActiveUserAsync(cookie.Principal, db, cancellationToken);
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = await ReturnUrlAsync(context, request) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        var (granted, withheld) = StaffScopePolicy.Filter(user, request.GetScopes());
        if (withheld.Count > 0)
        {
            IdentityLog.StaffScopesWithheld(logger, user.Id, string.Join(' ', withheld));
        }

        var identity = await StaffIdentityFactory.CreateAsync(user, granted, scopes, cancellationToken);
        IdentityLog.AuthorizationCodeIssued(logger, request.ClientId ?? "unknown", user.Id, string.Join(' ', granted));
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<StaffUser?> FindActiveUserAsync(ClaimsPrincipal? principal, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal?.FindFirst(PartnershipClaims.Subject)?.Value, out var userId))
        {
            return null;
        }
        return await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
    }

    /// <summary>
    /// Where the login page sends the user back to: this same authorization request, rebuilt as a GET so that a
    /// form-posted request survives the round trip. "prompt=login" is dropped, or the user would loop on the login page.
    /// </summary>
    private static async Task<string> ReturnUrlAsync(HttpContext context, OpenIddictRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> parameters = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync()
            : context.Request.Query;
        if (request.HasPromptValue(PromptValues.Login))
        {
            parameters = parameters.Where(p => p.Key != Parameters.Prompt);
        }
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>Log category for the authorization endpoint.</summary>
    public sealed class AuthorizeEndpointLog;
}
