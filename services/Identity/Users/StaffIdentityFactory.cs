using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Users;

/// <summary>Builds the claims a staff user's tokens carry, and which token each claim may appear in.</summary>
public static class StaffIdentityFactory
{
    public static async Task<ClaimsIdentity> CreateAsync(
        StaffUser user, IReadOnlyList<string> grantedScopes, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, PartnershipClaims.Role);
        identity.SetClaim(PartnershipClaims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaims(PartnershipClaims.Role, [.. user.Roles]);
        if (user.Agency is not null)
        {
            identity.SetClaim(PartnershipClaims.Agency, user.Agency);
        }

        identity.SetScopes(grantedScopes);
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));
        identity.SetDestinations(claim => DestinationsFor(claim, identity));
        return identity;
    }

    /// <summary>
    /// APIs authorise on role and agency, so those always reach the access token; the identity token only carries
    /// what the dashboard asked for through the profile and roles scopes.
    /// </summary>
    private static IEnumerable<string> DestinationsFor(Claim claim, ClaimsIdentity identity)
    {
        switch (claim.Type)
        {
            case PartnershipClaims.Subject:
            case PartnershipClaims.Agency:
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.Name:
                return identity.HasScope(Scopes.Profile)
                    ? [Destinations.AccessToken, Destinations.IdentityToken]
                    : [Destinations.AccessToken];
            case PartnershipClaims.Role:
                return identity.HasScope(Scopes.Roles)
                    ? [Destinations.AccessToken, Destinations.IdentityToken]
                    : [Destinations.AccessToken];
            default:
                // Anything not listed above stays out of both tokens.
                return [];
        }
    }
}
