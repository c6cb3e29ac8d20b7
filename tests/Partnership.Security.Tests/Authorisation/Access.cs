using Partnership.Security.Tests.Infrastructure;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>Who an endpoint admits, written down independently of the service's own policy code.</summary>
public sealed record Access(string Description, bool IsAnonymous, Func<Caller, bool> Admits)
{
    public static Access Anonymous { get; } = new("anyone", true, _ => true);

    /// <summary>The token carries the scope (and, when given, acts for one of the agencies).</summary>
    public static Access Scope(string scope, params string[] agencies) => new(
        agencies.Length == 0 ? scope : $"{scope} for {string.Join('/', agencies)}",
        false,
        caller => caller.Scopes.Contains(scope) && (agencies.Length == 0 || (caller.Agency is { } a && agencies.Contains(a))));

    /// <summary>The scope and a staff role.</summary>
    public static Access ScopeAndRole(string scope, string role) =>
        new($"{scope} + role {role}", false, caller => caller.Scopes.Contains(scope) && caller.Roles.Contains(role));

    /// <summary>Either the scope or a staff role.</summary>
    public static Access ScopeOrRole(string scope, string role) =>
        new($"{scope} or role {role}", false, caller => caller.Scopes.Contains(scope) || caller.Roles.Contains(role));

    /// <summary>Any authenticated caller of the service's audience (the fallback policy).</summary>
    public static Access AnyAuthenticated { get; } = new("any valid token", false, _ => true);

    public override string ToString() => Description;
}
