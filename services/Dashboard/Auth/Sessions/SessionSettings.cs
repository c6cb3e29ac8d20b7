namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>How long a dashboard session lasts without use, and how early an access token is replaced.</summary>
public sealed record SessionSettings(TimeSpan SessionLifetime, TimeSpan RefreshBeforeExpiry)
{
    public static SessionSettings From(IConfiguration configuration) => new(
        // The identity service bounds the session absolutely (its refresh token lifetime); this is the idle bound.
        SessionLifetime: TimeSpan.FromMinutes(configuration.GetValue("Dashboard:SessionIdleMinutes", 480)),
        // Long enough that a token checked now is still valid when the board API checks it, after a slow overview.
        RefreshBeforeExpiry: TimeSpan.FromSeconds(configuration.GetValue("Dashboard:RefreshBeforeExpirySeconds", 60)));
}
