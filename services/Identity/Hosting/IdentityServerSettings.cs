using Partnership.ServiceDefaults.Security;

namespace Partnership.Identity.Hosting;

/// <summary>The identity service's own configuration keys, read once at startup.</summary>
public sealed record IdentityServerSettings(
    Uri Issuer,
    bool AllowHttp,
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime,
    TimeSpan? RefreshTokenReuseLeeway,
    bool SeedDevelopmentUsers)
{
    private const string FallbackIssuer = "http://localhost:5001";

    public static IdentityServerSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        // The issuer is the URL other services reach us on (Aspire passes it); without it, our own first listening URL.
        var issuer = configuration["Identity:Issuer"]
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? FallbackIssuer;
        var reuseLeeway = configuration.GetValue("Identity:RefreshTokenReuseLeewaySeconds", 30);

        return new IdentityServerSettings(
            Issuer: new Uri(issuer, UriKind.Absolute),
            // Plain http is for local development and tests only; elsewhere the issuer is served over TLS unless an
            // operator deliberately says otherwise.
            AllowHttp: configuration.GetValue("Identity:AllowHttp", environment.AllowsBuiltInSecrets()),
            AccessTokenLifetime: TimeSpan.FromMinutes(configuration.GetValue("Identity:AccessTokenLifetimeMinutes", 15)),
            // A working day: a dashboard session ends this long after sign-in however often its refresh token rolls.
            RefreshTokenLifetime: TimeSpan.FromMinutes(configuration.GetValue("Identity:RefreshTokenLifetimeMinutes", 480)),
            // A negative value switches the leeway off: any second use of a rolled refresh token revokes its chain.
            RefreshTokenReuseLeeway: reuseLeeway < 0 ? null : TimeSpan.FromSeconds(reuseLeeway),
            SeedDevelopmentUsers: configuration.GetValue("Identity:SeedDevelopmentUsers", environment.IsDevelopment()));
    }
}
