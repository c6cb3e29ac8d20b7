using System.Diagnostics;
using Npgsql;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// Sharing consumes the pipeline's events beside the board and audits every decision it makes: the platform has made
/// every write the same-writes baselines make only once those decisions are all in its audit log.
/// </summary>
public static class SharingDecisions
{
    /// <summary>Polls the audit log until the children have <paramref name="expected"/> decisions or the wait runs out; the count and the last one's time.</summary>
    public static async Task<(int Count, DateTimeOffset? Last)> AwaitAsync(string sharingConnection, string[] childKeys, int expected, TimeSpan wait)
    {
        await using var connection = new NpgsqlConnection(sharingConnection);
        await connection.OpenAsync();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                """SELECT count(*), max("RecordedAt") FROM sharing_audit_log WHERE "ChildKey" = ANY(@keys)""", connection);
            command.Parameters.AddWithValue("keys", childKeys);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var count = (int)reader.GetInt64(0);
            DateTimeOffset? last = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            if (count >= expected || deadline.Elapsed > wait)
            {
                return (count, last);
            }
            await Task.Delay(200);
        }
    }
}
