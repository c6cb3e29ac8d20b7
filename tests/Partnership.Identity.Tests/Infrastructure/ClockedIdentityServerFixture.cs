using Partnership.Testing;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>
/// An identity service of its own on a clock the tests move forward, so refresh token lifetimes and the reuse leeway
/// are checked by moving time, never by waiting. Lifetimes are the production defaults; the reuse leeway is widened to
/// ten minutes so "within the leeway" cannot depend on how fast the machine runs.
/// </summary>
public sealed class ClockedIdentityServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan ReuseLeeway = TimeSpan.FromMinutes(10);

    private TestDatabase? _database;
    private IdentityServerFactory? _factory;

    public OffsetClock Clock { get; } = new();

    public IdentityServerFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("identity_tests");
        _factory = new IdentityServerFactory(_database.ConnectionString, Clock, new Dictionary<string, string>
        {
            ["Identity:RefreshTokenReuseLeewaySeconds"] = ((int)ReuseLeeway.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:RateLimits:TokenRequestsPerMinute"] = "100000",
        });
        _ = _factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
