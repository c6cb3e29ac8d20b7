using Npgsql;
using NpgsqlTypes;
using Partnership.VirtualSchool.Data;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Transaction-level advisory locks that order feeds writing <c>attendance_marks</c>, held until commit.
/// A staged merge decides per child whether any of its rows can conflict and then inserts without checking, so no
/// other feed may write marks between that decision and its commit: it takes <see cref="Merge"/> exclusively.
/// Feeds copied straight into the table take it shared, so they run side by side and only wait for (and hold off) a
/// staged merge; a key conflict between two of them is caught by the primary key and sends the later one to the
/// staged path. Two copied feeds can still write different sessions of one child-week at once, so each locks its
/// children's summary buckets before counting weeks: the later one then counts the earlier one's committed marks.
/// </summary>
public static class AttendanceLocks
{
    /// <summary>
    /// Children are spread over this many summary locks. One lock for every feed made single-mark corrections queue
    /// behind each other (600 ms a call at 67 corrections a second in issue 7's mixed load); a correction now waits only
    /// for feeds with a child in its bucket, and a large feed takes them all, as before.
    /// </summary>
    public const int SummaryBuckets = 64;

    private const string MarksTableOid = $"'{VirtualSchoolDbContext.MarksTable}'::regclass::oid";

    private const string Key = $"{MarksTableOid}::bigint";

    public const string Merge = $"SELECT pg_advisory_xact_lock({Key})";

    public const string CopyShared = $"SELECT pg_advisory_xact_lock_shared({Key})";

    /// <summary>
    /// Takes the summary locks of these children's buckets in ascending order, so two feeds never wait on each other
    /// in a cycle. The two-integer lock keys are a space of their own, apart from <see cref="Merge"/>'s bigint key.
    /// </summary>
    public static async Task LockSummariesAsync(NpgsqlConnection connection, IEnumerable<string> childKeys, CancellationToken ct)
    {
        var buckets = childKeys.Select(BucketOf).Distinct().Order().ToArray();
        if (buckets.Length == 0)
        {
            return;
        }
        // A function scan yields the array's elements in order and the aggregate takes each lock as its row arrives.
        await using var command = new NpgsqlCommand(
            $"SELECT count(pg_advisory_xact_lock({MarksTableOid}::int, b)) FROM unnest(@buckets) AS b",
            connection);
        command.Parameters.AddWithValue("buckets", NpgsqlDbType.Array | NpgsqlDbType.Integer, buckets);
        await command.ExecuteScalarAsync(ct);
    }

    /// <summary>FNV-1a over the key's characters: the same bucket in every process (string.GetHashCode is seeded per process).</summary>
    public static int BucketOf(string childKey)
    {
        var hash = 2166136261u;
        foreach (var c in childKey)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % SummaryBuckets);
    }
}
