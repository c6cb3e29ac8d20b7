using Microsoft.AspNetCore.Authorization;

namespace Partnership.ServiceDefaults.Auth;

public static class AgencyPolicies
{
    /// <summary>
    /// A policy that demands a scope and that the token acts for one of the named agencies. Scopes say which API a
    /// client may use; some actions inside one API belong to one agency only (e.g. the missing team closes interview
    /// records that police may only create), and the agency claim is what tells them apart.
    /// </summary>
    public static AuthorizationBuilder AddAgencyScopePolicy(
        this AuthorizationBuilder authorization, string policyName, string scope, params string[] agencies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(agencies.Length);
        return authorization.AddPolicy(policyName, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.HasScope(scope) && ctx.User.Agency() is { } agency && agencies.Contains(agency, StringComparer.Ordinal)));
    }
}
