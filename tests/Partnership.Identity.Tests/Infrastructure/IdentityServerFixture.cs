using Partnership.Testing;
namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>One database and one running identity service shared by the tests of a class.</summary>
public sealed class IdentityServerFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private IdentityServerFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");

    public IdentityServerFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("identity_tests");
        _factory = new IdentityServerFactory(_database.ConnectionString);
        _ = _factory.Server; // start now, so migration and seeding are not billed to the first test
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
