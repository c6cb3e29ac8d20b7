using Microsoft.IdentityModel.JsonWebTokens;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>
/// Someone calling an API: nobody, an agency system or a signed-in staff user. What it may do is read from the claims
/// of the real token the identity service issued, so the matrix follows the identity service's actual grants.
/// </summary>
public sealed record Caller(string Name, string? Token, IReadOnlySet<string> Scopes, string? Agency, IReadOnlySet<string> Roles, IReadOnlySet<string> Audiences)
{
    public static Caller Anonymous { get; } = new("anonymous", null, new HashSet<string>(), null, new HashSet<string>(), new HashSet<string>());

    public bool IsAnonymous => Token is null;

    public static Caller FromToken(string name, string token)
    {
        var jwt = new JsonWebToken(token);
        var scopes = jwt.Claims.Where(c => c.Type == PartnershipClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var roles = jwt.Claims.Where(c => c.Type == PartnershipClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var agency = jwt.Claims.FirstOrDefault(c => c.Type == PartnershipClaims.Agency)?.Value;
        return new Caller(name, token, scopes, agency, roles, jwt.Audiences.ToHashSet(StringComparer.Ordinal));
    }

    public override string ToString() => Name;
}
