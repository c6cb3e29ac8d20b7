using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Partnership.Identity.Clients;
using Partnership.Identity.Data;
using Partnership.Identity.Hosting;
using Partnership.Identity.Users;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Endpoints;

/// <summary>
/// /connect/token after OpenIddict has authenticated the client and validated the grant: decides what goes in the token.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(IdentityServerRegistration.TokenPath, ExchangeAsync)
            .RequireRateLimiting(IdentityRateLimiting.TokenPolicy)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        IdentityDbContext db,
        ILogger<TokenEndpointLog> logger,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, applications, scopes, logger, cancellationToken);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await RedeemForStaffUserAsync(context, scopes, db, logger, cancellationToken);
        }
        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> ClientCredentialsAsync(
        OpenIddictRequest request,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict authenticated a client that does not exist.");
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(ClientProperties.Agency, out var agencyElement) || agencyElement.GetString() is not { Length: > 0 } agency)
        {
            return Forbid(Errors.UnauthorizedClient, "This client is not registered for an agency.");
        }

        // OpenIddict has already refused any requested scope the client lacks a permission for (invalid_scope).
        var permitted = (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToArray();
        var requested = request.GetScopes();
        string[] granted = requested.IsEmpty ? permitted : [.. requested.Intersect(permitted, StringComparer.Ordinal)];

        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType, PartnershipClaims.Subject, PartnershipClaims.Role);
        identity.SetClaim(PartnershipClaims.Subject, request.ClientId);
        identity.SetClaim(PartnershipClaims.ClientId, request.ClientId);
        identity.SetClaim(PartnershipClaims.Agency, agency);
        identity.SetScopes(granted);
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        IdentityLog.ClientTokenIssued(logger, request.ClientId!, string.Join(' ', granted));
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Re-reads the staff user at every redemption so a disabled account or a removed role takes effect at the next
    /// refresh, not only at the next sign-in.
    /// </summary>
    private static async Task<IResult> RedeemForStaffUserAsync(
        HttpContext context,
        IOpenIddictScopeManager scopes,
        IdentityDbContext db,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var user = Guid.TryParse(subject, out var userId)
            ? await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken)
            : null;
        if (user is null)
        {
            IdentityLog.StaffUserNoLongerValid(logger, subject ?? "none");
            return Forbid(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
        }

        var (granted, _) = StaffScopePolicy.Filter(user, result.Principal!.GetScopes());
        var identity = await StaffIdentityFactory.CreateAsync(user, granted, scopes, cancellationToken);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>Log category for the token endpoint.</summary>
    public sealed class TokenEndpointLog;
}
