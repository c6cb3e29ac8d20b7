using Partnership.ServiceDefaults.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The keys a file has already used (one OC2 row per child, one Placed for adoption row per child and decision…), for
/// its duplicate rule. Earlier batches' keys live in the staging table; only those of the batch's children are
/// loaded, so the set is bounded by the batch.
/// </summary>
public sealed class Ssda903SeenKeys(short kind)
{
    private readonly HashSet<(string Child, string Key)> _seen = [];
    private readonly List<(string Child, string Key)> _added = [];

    /// <summary>True when the key is new (and now seen), false for a duplicate.</summary>
    public bool Add(string child, string key = "")
    {
        if (!_seen.Add((child, key)))
        {
            return false;
        }
        _added.Add((child, key));
        return true;
    }

    /// <summary>Forgets every key: for an import that holds all of a child's rows at once (files sorted by CHILD).</summary>
    public void Reset()
    {
        _seen.Clear();
        _added.Clear();
    }

    /// <summary>Loads the keys earlier batches saw for the children of the next batch.</summary>
    public async Task LoadAsync(NpgsqlConnection connection, IEnumerable<string> children, CancellationToken ct)
    {
        _seen.Clear();
        _added.Clear();
        var wanted = children.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(
            Ssda903Staging.Probing($"SELECT child, key FROM {Ssda903Staging.Seen} WHERE kind = @kind AND child = ANY(@children)"), connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("children", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _seen.Add((reader.GetString(0), reader.GetString(1)));
        }
    }

    /// <summary>Stores the keys the batch added, for later batches.</summary>
    public async Task SaveAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_added.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, Ssda903Staging.Seen, ["kind", "child", "key"], ct);
        foreach (var (child, key) in _added)
        {
            copy.StartRow();
            copy.Write(kind);
            copy.Write(child);
            copy.Write(key);
        }
        await copy.CompleteAsync(ct);
        _added.Clear();
    }
}
