using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Identity.Users;

/// <summary>
/// Which of the scopes a dashboard sign-in asks for a staff user may actually receive. A scope the user's roles do not
/// allow is silently left out of the token (rather than failing the sign-in), so the dashboard can show "no access".
/// </summary>
public static class StaffScopePolicy
{
    private static readonly HashSet<string> AlwaysAllowed = [Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Roles];

    private static readonly Dictionary<string, string[]> RolesPerScope = new(StringComparer.Ordinal)
    {
        ["board.read"] = [StaffRoles.BoardMember, StaffRoles.Administrator, StaffRoles.DataProtectionOfficer],
        ["board.write"] = [StaffRoles.BoardMember, StaffRoles.Administrator],
        // Subject-access listings and the audit verifier of the sharing service are for data protection oversight.
        ["sharing.admin"] = [StaffRoles.DataProtectionOfficer, StaffRoles.Administrator],
    };

    public static bool Allows(StaffUser user, string scope) =>
        AlwaysAllowed.Contains(scope)
        || (RolesPerScope.TryGetValue(scope, out var roles) && user.Roles.Any(roles.Contains));

    public static (IReadOnlyList<string> Granted, IReadOnlyList<string> Withheld) Filter(StaffUser user, IEnumerable<string> requested)
    {
        var lookup = requested.Distinct(StringComparer.Ordinal).ToLookup(scope => Allows(user, scope));
        return ([.. lookup[true]], [.. lookup[false]]);
    }
}
