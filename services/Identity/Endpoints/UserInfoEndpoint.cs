using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Partnership.Identity.Hosting;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Endpoints;

/// <summary>/connect/userinfo: the signed-in staff user's claims, limited to what the access token's scopes cover.</summary>
public static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(IdentityServerRegistration.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        // OpenIddict has already validated the bearer access token before passing the request through.
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal?.GetClaim(Claims.Subject) is not { } subject)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is not valid.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = subject };
        if (principal.GetClaim(PartnershipClaims.Agency) is { } agency)
        {
            claims[PartnershipClaims.Agency] = agency;
        }
        if (OpenIddict.Abstractions.OpenIddictExtensions.HasScope(principal, Scopes.Profile) && principal.GetClaim(Claims.Name) is { } name)
        {
            claims[Claims.Name] = name;
        }
        if (OpenIddict.Abstractions.OpenIddictExtensions.HasScope(principal, Scopes.Roles))
        {
            claims[PartnershipClaims.Role] = principal.GetClaims(PartnershipClaims.Role);
        }
        return Results.Ok(claims);
    }
}
