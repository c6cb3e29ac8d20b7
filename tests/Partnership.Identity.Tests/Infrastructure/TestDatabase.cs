using Npgsql;
using Partnership.Testing;

namespace Partnership.Identity.Tests.Infrastructure;

/// <summary>A uniquely named database on the shared test PostgreSQL, dropped when the test is done with it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public static async Task<TestDatabase> CreateAsync() =>
        new(await TestInfrastructure.CreateDatabaseAsync("identity_tests"));

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestInfrastructure.DropDatabaseAsync(ConnectionString);
    }
}
