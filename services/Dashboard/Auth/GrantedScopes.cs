using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Dashboard.Auth;

/// <summary>
/// The identity token says who the user is, not what the access token may do: the identity service silently leaves
/// out scopes the user's roles do not allow. The granted scopes are copied into the session so pages can tell a board
/// member from an agency officer without calling the API.
/// </summary>
public static class GrantedScopes
{
    public static Task AddToSessionAsync(TokenValidatedContext context)
    {
        var response = context.TokenEndpointResponse;
        var scopes = response?.Scope;
        if (string.IsNullOrWhiteSpace(scopes) && response?.AccessToken is { Length: > 0 } accessToken)
        {
            scopes = FromAccessToken(accessToken);
        }
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(PartnershipClaims.Scope).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(PartnershipClaims.Scope, scopes ?? ""));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Read without validation: the token came straight from the token endpoint over the back channel, and the board
    /// API validates it on every call anyway; this only decides what the pages offer.
    /// </summary>
    private static string FromAccessToken(string accessToken)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(accessToken))
        {
            return "";
        }
        var token = handler.ReadJsonWebToken(accessToken);
        return string.Join(' ', token.Claims.Where(c => c.Type == PartnershipClaims.Scope).Select(c => c.Value));
    }
}
