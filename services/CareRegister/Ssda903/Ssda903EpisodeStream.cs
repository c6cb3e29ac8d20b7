using Npgsql;
using Partnership.CareRegister.Data;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The year's episodes read back from ssda903_episodes sorted by child, start and line through a cursor, one fetch
/// at a time, with only the columns the rules and the events need: each child's run is judged by
/// <see cref="Ssda903EpisodeRules"/> as soon as it is complete, and the fetch's events and what it decided of each
/// child are written before the next fetch. Episodes a rule excludes are staged and deleted at the end. Memory holds
/// one fetch (and the run of the child it ends in), not the year.
/// </summary>
public static class Ssda903EpisodeStream
{
    private const string Cursor = "ssda903_episodes_by_child";

    /// <returns>The episodes kept.</returns>
    public static async Task<int> JudgeAsync(CareRegisterDbContext db, Ssda903Staging staging, Ssda903ImportState state, string fileName,
        TimeProvider clock, CancellationToken ct)
    {
        var connection = staging.Connection;
        await Ssda903Importer.ExecuteAsync(connection, $"""
            DECLARE {Cursor} NO SCROLL CURSOR FOR
            SELECT e.row_number, c.child, c.child_key, c.dob, c.age, c.line, e.decom, e.dec, e.rne, e.ls, e.place, e.place_provider, e.rec,
                   e.within_20_miles
            FROM ssda903_episodes e JOIN {Ssda903Staging.Children} c ON c.child = e.child
            WHERE e.import_id = @id
            ORDER BY e.child COLLATE "C", e.decom, e.row_number
            """, ct, ("id", state.ImportId));

        var pending = new List<Ssda903Episode>();
        var judged = new List<Ssda903Child>();
        var kept = new List<Ssda903Episode>();
        var excluded = new List<int>();
        Ssda903Child? current = null;
        var keptCount = 0;
        var excludedCount = 0;
        bool done;
        do
        {
            var fetched = 0;
            await using (var command = new NpgsqlCommand($"FETCH {Ssda903Importer.BatchSize} FROM {Cursor}", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    fetched++;
                    var localId = reader.GetString(1);
                    if (current?.LocalId != localId)
                    {
                        current = new Ssda903Child(localId, reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4)) { Line = reader.GetInt32(5) };
                    }
                    pending.Add(Read(reader, current));
                }
            }
            done = fetched < Ssda903Importer.BatchSize;

            // The last child of a fetch may have more episodes in the next one: it waits, unless this was the last fetch.
            var complete = pending.Count;
            if (!done)
            {
                while (complete > 0 && ReferenceEquals(pending[complete - 1].Child, current))
                {
                    complete--;
                }
            }
            Ssda903EpisodeRules.ApplyToRuns(pending, complete, state, fileName, judged, kept, excluded);
            pending.RemoveRange(0, complete);

            await Ssda903YearWriter.WriteEpisodeEventsAsync(db, state, kept, clock, ct);
            await staging.AddFlagsAsync(judged, ct);
            await staging.AddExcludedAsync(excluded, ct);
            keptCount += kept.Count;
            excludedCount += excluded.Count;
        }
        while (!done);
        await Ssda903Importer.ExecuteAsync(connection, $"CLOSE {Cursor}", ct);
        if (excludedCount > 0)
        {
            await Ssda903Importer.ExecuteAsync(connection,
                $"DELETE FROM ssda903_episodes e USING {Ssda903Staging.Excluded} x WHERE e.import_id = @id AND e.row_number = x.line", ct, ("id", state.ImportId));
        }
        return keptCount;
    }

    private static Ssda903Episode Read(NpgsqlDataReader reader, Ssda903Child child) => new()
    {
        Line = reader.GetInt32(0),
        Child = child,
        Start = reader.GetFieldValue<DateOnly>(6),
        End = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
        ReasonNewEpisode = reader.GetString(8),
        LegalStatus = reader.GetString(9),
        Placement = reader.GetString(10),
        ProviderCode = Text(reader, 11),
        ReasonCeased = Text(reader, 12),
        WithinTwentyMiles = reader.IsDBNull(13) ? null : reader.GetBoolean(13),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
