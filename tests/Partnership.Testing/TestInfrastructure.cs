using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Partnership.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests use: taken from PARTNERSHIP_TEST_PG / PARTNERSHIP_TEST_AMQP when set
/// (as .ci/run and scripts/test.sh do), otherwise started as local processes by scripts/infra.sh.
/// </summary>
public static partial class TestInfrastructure
{
    private static readonly Lazy<(string Pg, string Amqp)> Endpoints = new(Resolve);

    public static string PostgresServer => Endpoints.Value.Pg;
    public static string RabbitMq => Endpoints.Value.Amqp;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still holds it: a development
    /// server otherwise keeps every test class's database.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static (string, string) Resolve()
    {
        var pg = Environment.GetEnvironmentVariable("PARTNERSHIP_TEST_PG");
        var amqp = Environment.GetEnvironmentVariable("PARTNERSHIP_TEST_AMQP");
        if (!string.IsNullOrEmpty(pg) && !string.IsNullOrEmpty(amqp))
        {
            return (pg, amqp);
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "infra.sh");
        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run scripts/infra.sh.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/infra.sh start failed: {errors}");
        }
        return (Export(output, "PARTNERSHIP_TEST_PG"), Export(output, "PARTNERSHIP_TEST_AMQP"));
    }

    private static string Export(string output, string name) =>
        Regex.Match(output, $"export {name}='([^']*)'") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"scripts/infra.sh did not print {name}.");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Partnership.sln not found above the test output directory.");
    }
}
