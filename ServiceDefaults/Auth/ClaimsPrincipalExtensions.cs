using System.Security.Claims;

namespace Partnership.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>OpenIddict writes scopes as one space-separated claim; older tokens may repeat the claim.</summary>
    public static IEnumerable<string> Scopes(this ClaimsPrincipal user) =>
        user.FindAll(PartnershipClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.Scopes().Contains(scope, StringComparer.Ordinal);

    /// <summary>The agency the caller acts for; null for a token without one (which no agency endpoint accepts).</summary>
    public static string? Agency(this ClaimsPrincipal user) => user.FindFirst(PartnershipClaims.Agency)?.Value;

    /// <summary>Who made the call, for audit: the staff user's subject or the system client's id.</summary>
    public static string Caller(this ClaimsPrincipal user) =>
        user.FindFirst(PartnershipClaims.Subject)?.Value ?? user.FindFirst(PartnershipClaims.ClientId)?.Value ?? "unknown";
}
