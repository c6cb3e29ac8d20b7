using Npgsql;
using Partnership.CareRegister.Data;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The staged episodes read back sorted by child, start and line through a cursor, one fetch at a time: each
/// child's run is judged by <see cref="Ssda903EpisodeRules"/> as soon as it is complete, and the fetch's kept episodes,
/// their events and what they decided of each child are written before the next fetch. Memory holds one fetch (and
/// the run of the child it ends in), not the year.
/// </summary>
public static class Ssda903EpisodeStream
{
    private const string Cursor = "ssda903_episodes_by_child";

    public static async Task<int> WriteAsync(CareRegisterDbContext db, Ssda903Staging staging, Ssda903ImportState state, string fileName,
        TimeProvider clock, CancellationToken ct)
    {
        var connection = staging.Connection;
        await Ssda903Importer.ExecuteAsync(connection, $"""
            DECLARE {Cursor} NO SCROLL CURSOR FOR
            SELECT e.line, c.child, c.child_key, c.dob, c.age, c.line, e.decom, e.dec, e.rne, e.ls, e.cin, e.place, e.place_provider, e.rec,
                   e.reason_place_change, e.home_post, e.pl_post, e.urn, e.miles, e.within_20_miles
            FROM {Ssda903Staging.Episodes} e JOIN {Ssda903Staging.Children} c ON c.child = e.child
            ORDER BY e.child COLLATE "C", e.decom, e.line
            """, ct);

        var pending = new List<Ssda903Episode>();
        var judged = new List<Ssda903Child>();
        var kept = new List<Ssda903Episode>();
        Ssda903Child? current = null;
        var written = 0;
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
            judged.Clear();
            kept.Clear();
            for (var start = 0; start < complete;)
            {
                var child = pending[start].Child;
                var end = start;
                while (end < complete && ReferenceEquals(pending[end].Child, child))
                {
                    end++;
                }
                var run = pending.GetRange(start, end - start);
                Ssda903EpisodeRules.Apply(child, run, state, fileName);
                judged.Add(child);
                kept.AddRange(run.Where(e => !e.Excluded));
                start = end;
            }
            pending.RemoveRange(0, complete);

            written += await Ssda903YearWriter.WriteEpisodesAsync(db, state, kept, clock, ct);
            await staging.AddFlagsAsync(judged, ct);
        }
        while (!done);
        await Ssda903Importer.ExecuteAsync(connection, $"CLOSE {Cursor}", ct);
        return written;
    }

    private static Ssda903Episode Read(NpgsqlDataReader reader, Ssda903Child child) => new()
    {
        Line = reader.GetInt32(0),
        Child = child,
        Start = reader.GetFieldValue<DateOnly>(6),
        End = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
        ReasonNewEpisode = reader.GetString(8),
        LegalStatus = reader.GetString(9),
        CategoryOfNeed = Text(reader, 10),
        Placement = reader.GetString(11),
        ProviderCode = Text(reader, 12),
        ReasonCeased = Text(reader, 13),
        ReasonPlaceChange = Text(reader, 14),
        HomePostcode = Text(reader, 15),
        PlacementPostcode = Text(reader, 16),
        Urn = Text(reader, 17),
        Miles = reader.IsDBNull(18) ? null : reader.GetDouble(18),
        WithinTwentyMiles = reader.IsDBNull(19) ? null : reader.GetBoolean(19),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
