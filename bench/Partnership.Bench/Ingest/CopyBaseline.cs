using System.Diagnostics;
using Npgsql;
using Partnership.Bench.Measure;

namespace Partnership.Bench.Ingest;

/// <summary>
/// Raw PostgreSQL COPY of exactly the rows a service stored: they are exported in binary from the service's tables, then
/// timed going back in (Npgsql binary import) to a table of the same columns with no indexes or constraints. No
/// parsing, validation or transaction work: the ceiling the ingest paths are compared against. With
/// <c>withIndexes</c> the target also has the source table's primary key and indexes, which prices the index
/// maintenance any keyed store must do.
/// </summary>
public static class CopyBaseline
{
    /// <param name="CpuSeconds">CPU the platform's processes and the bench spent on the timed COPY, when asked for.</param>
    public sealed record Result(long Rows, double Seconds, double? CpuSeconds = null)
    {
        public double RowsPerSecond => Rows / Seconds;
    }

    public static async Task<Result> MeasureAsync(
        string connectionString, IReadOnlyList<(string Table, string Where)> sources, bool withIndexes = false, ProcessTable? processes = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var exported = new List<(string Target, string File)>();
        long rows = 0;
        try
        {
            foreach (var (table, where) in sources)
            {
                var file = Path.Combine(Path.GetTempPath(), $"bench-copy-{Guid.NewGuid():N}.bin");
                await using (var output = File.Create(file))
                await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM {table} {where}) TO STDOUT (FORMAT BINARY)"))
                {
                    await copy.CopyToAsync(output);
                }
                await using (var count = new NpgsqlCommand($"SELECT count(*) FROM {table} {where}", connection))
                {
                    rows += (long)(await count.ExecuteScalarAsync())!;
                }
                var target = $"bench_copy_{table}";
                await Execute(connection, $"DROP TABLE IF EXISTS {target}; CREATE TABLE {target} (LIKE {table}{(withIndexes ? " INCLUDING INDEXES" : "")})");
                exported.Add((target, file));
            }

            // Taken while this connection's backend is alive, so its CPU is counted (ended backends are not).
            var cpu = processes is null ? null : CpuProfile.Start(processes);
            var stopwatch = Stopwatch.StartNew();
            foreach (var (target, file) in exported)
            {
                await using var input = File.OpenRead(file);
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
                await input.CopyToAsync(copy);
            }
            var seconds = stopwatch.Elapsed.TotalSeconds;
            return new Result(rows, seconds, cpu?.Stop().Ours);
        }
        finally
        {
            foreach (var (target, file) in exported)
            {
                File.Delete(file);
                await Execute(connection, $"DROP TABLE IF EXISTS {target}");
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
