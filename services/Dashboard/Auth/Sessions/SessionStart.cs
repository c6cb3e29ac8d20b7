using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// At sign-in the tokens from the code redemption go to the server-side <see cref="SessionStore"/> under a fresh random
/// session id, and only that id goes into the cookie (plus the identity token, which the sign-out hands back to the
/// identity service as id_token_hint and which grants nothing at an API).
/// </summary>
public static class SessionStart
{
    /// <summary>The claim in the cookie that names the session's entry in the store.</summary>
    public const string SessionIdClaim = "dashboard_session";

    public static string? SessionId(ClaimsPrincipal? user) => user?.FindFirst(SessionIdClaim)?.Value;

    public static async Task StoreTokensAsync(TokenValidatedContext context)
    {
        var response = context.TokenEndpointResponse;
        if (context.Principal?.Identity is not ClaimsIdentity identity || response?.AccessToken is not { Length: > 0 } accessToken)
        {
            context.Fail("The identity service returned no access token.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var lifetime = int.TryParse(response.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
        var sessionId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        await services.GetRequiredService<SessionTokens>().StartAsync(
            sessionId, accessToken, response.RefreshToken, clock.GetUtcNow() + lifetime, context.HttpContext.RequestAborted);

        foreach (var old in identity.FindAll(SessionIdClaim).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(SessionIdClaim, sessionId));
        if (response.IdToken is { Length: > 0 } idToken)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }
    }
}
