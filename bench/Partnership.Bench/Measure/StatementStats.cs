using Npgsql;

namespace Partnership.Bench.Measure;

/// <summary>PostgreSQL's own account of where database time went (pg_stat_statements, loaded by the bench's AppHost).</summary>
public static class StatementStats
{
    public static async Task ResetAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
            await create.ExecuteNonQueryAsync();
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
            // Not loaded: the top statements are then reported as unavailable.
        }
    }

    /// <summary>The statements of one database that took most time since the last reset: calls, mean and total ms.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> TopAsync(string connectionString, int count, int textLength = 110)
    {
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT regexp_replace(query, '\s+', ' ', 'g'), calls, mean_exec_time, total_exec_time
                FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT @count
                """, connection);
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = reader.GetString(0);
                rows.Add([
                    "`" + (text.Length > textLength ? text[..textLength] + "…" : text).Replace("`", "'", StringComparison.Ordinal) + "`",
                    reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{reader.GetDouble(2):F2}",
                    $"{reader.GetDouble(3):F0}",
                ]);
            }
        }
        catch (PostgresException ex)
        {
            rows.Add([$"pg_stat_statements unavailable: {ex.MessageText}", "", "", ""]);
        }
        return rows;
    }

    public static readonly string[] Header = ["statement (pg_stat_statements)", "calls", "mean ms", "total ms"];
}
