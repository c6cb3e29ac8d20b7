namespace Partnership.Identity.Clients;

/// <summary>The board dashboard: a confidential web client that signs staff in with authorization code + PKCE.</summary>
public static class DashboardClient
{
    public const string ClientId = "board-dashboard";

    public const string DisplayName = "Partnership board dashboard";

    /// <summary>DEVELOPMENT-ONLY secret; override with Identity:Clients:board-dashboard:Secret.</summary>
    public const string DevelopmentSecret = "board-dashboard-dev-secret";

    public static readonly IReadOnlyList<string> Scopes = ["board.read", "board.write", "sharing.admin"];

    public static readonly string[] DefaultRedirectUris = ["http://localhost:5090/signin-oidc"];

    public static readonly string[] DefaultPostLogoutRedirectUris = ["http://localhost:5090/signout-callback-oidc"];
}
