using Npgsql;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>Reads a service's database directly: row counts of every table, column names, and every text value.</summary>
public static class DatabaseProbe
{
    /// <summary>Row count per table of the public schema, so a test can show a refused request stored nothing anywhere.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in await TablesAsync(connection))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    public static async Task<IReadOnlyList<(string Table, string Column, string Type)>> ColumnsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return columns;
    }

    /// <summary>Every value of every column, rendered as text (jsonb and arrays included), with where it came from.</summary>
    public static async Task<IReadOnlyList<(string Table, string Column, string Value)>> AllValuesAsync(string connectionString)
    {
        var values = new List<(string, string, string)>();
        var columns = await ColumnsAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (table, column, _) in columns)
        {
            await using var command = new NpgsqlCommand($"SELECT \"{column}\"::text FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add((table, column, reader.GetString(0)));
            }
        }
        return values;
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }
}
