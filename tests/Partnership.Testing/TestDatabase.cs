using Npgsql;
namespace Partnership.Testing;

/// <summary>A uniquely named database on the shared test PostgreSQL, dropped when the test is done with it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public static async Task<TestDatabase> CreateAsync(string prefix) =>
        new(await TestInfrastructure.CreateDatabaseAsync(prefix));

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestInfrastructure.DropDatabaseAsync(ConnectionString);
    }
}
