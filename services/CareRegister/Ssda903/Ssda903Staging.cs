using Partnership.ServiceDefaults.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// What an import knows about the return's children while it runs, kept in temporary tables of the import's
/// transaction instead of memory: the Header's kept children (with their platform keys), what the episodes decided of
/// each (cohort, short breaks, the latest period of care), the episodes their rules excluded, and the keys each file
/// has already seen (duplicate rules).
/// The readers look up only the children of the batch in hand, so memory does not grow with the size of the return.
/// </summary>
public sealed class Ssda903Staging(NpgsqlConnection connection)
{
    public const string Children = "ssda903_stage_children";
    public const string Excluded = "ssda903_stage_excluded_episodes";
    public const string Flags = "ssda903_stage_flags";
    public const string Seen = "ssda903_stage_seen";

    public NpgsqlConnection Connection => connection;

    /// <summary>Creates the tables; they go with the transaction (ON COMMIT DROP, and a rollback undoes their creation).</summary>
    public async Task CreateAsync(CancellationToken ct) => await Ssda903Importer.ExecuteAsync(connection, $"""
        SET LOCAL work_mem = '64MB';
        CREATE TEMP TABLE {Children} (
            child text COLLATE "C" PRIMARY KEY, child_key text NOT NULL, line integer NOT NULL, dob date NOT NULL, age integer NOT NULL,
            sex smallint, ethnic text, upn text, mother smallint, mc_dob date) ON COMMIT DROP;
        CREATE TEMP TABLE {Excluded} (line integer NOT NULL) ON COMMIT DROP;
        CREATE TEMP TABLE {Flags} (
            child text COLLATE "C" PRIMARY KEY, has_episode boolean NOT NULL, only_short_breaks boolean NOT NULL, oc2_cohort boolean NOT NULL,
            period_start date, starts_with_entry boolean, placement_order_on date, placed_on date, adopted_on date, adopted_line integer) ON COMMIT DROP;
        CREATE TEMP TABLE {Seen} (kind smallint NOT NULL, child text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, PRIMARY KEY (kind, child, key)) ON COMMIT DROP;
        """, ct);

    /// <summary>
    /// The kept Header children among <paramref name="ids"/>, with what the episodes decided of them once that is
    /// known (before, the defaults of a child without episodes).
    /// </summary>
    public async Task<Dictionary<string, Ssda903Child>> ChildrenAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, Ssda903Child>(StringComparer.Ordinal);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return found;
        }
        await using var command = new NpgsqlCommand(Probing($"""
            SELECT c.child, c.child_key, c.dob, c.age, c.line, f.has_episode, f.only_short_breaks, f.oc2_cohort,
                   f.period_start, f.starts_with_entry, f.placement_order_on, f.placed_on, f.adopted_on, f.adopted_line
            FROM {Children} c LEFT JOIN {Flags} f ON f.child = c.child
            WHERE c.child = ANY(@ids)
            """), connection);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var child = new Ssda903Child(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3))
            {
                Line = reader.GetInt32(4),
            };
            if (!reader.IsDBNull(5))
            {
                child.HasEpisode = reader.GetBoolean(5);
                child.OnlyShortBreaks = reader.GetBoolean(6);
                child.Oc2Cohort = reader.GetBoolean(7);
                if (!reader.IsDBNull(8))
                {
                    child.Chain = new Ssda903CareChain
                    {
                        PeriodStart = reader.GetFieldValue<DateOnly>(8),
                        StartsWithEntry = reader.GetBoolean(9),
                        PlacementOrderOn = NullableDate(reader, 10),
                        PlacedForAdoptionOn = NullableDate(reader, 11),
                        AdoptedOn = NullableDate(reader, 12),
                        AdoptedLine = reader.IsDBNull(13) ? null : reader.GetInt32(13),
                    };
                }
            }
            found[child.LocalId] = child;
        }
        return found;
    }

    /// <summary>The platform keys already linked to these CHILD ids; a child registered in the register wins over an earlier import's link.</summary>
    public static Task<Dictionary<string, string>> KeyLinksAsync(NpgsqlConnection connection, IEnumerable<string> ids, CancellationToken ct) =>
        LinksAsync(connection, "local_child_id = ANY(@ids)", ids, ct);

    /// <summary>
    /// <see cref="KeyLinksAsync"/> for a batch of a Header in CHILD order: the stored links are read as one range of
    /// their primary key, from the batch's lowest id to its highest, instead of one index descent per id (5,000 a batch
    /// took 5–9 ms of the server, against 0.2–2 ms for the range). Links in the range for ids the batch does not name
    /// (children of earlier years only) are read and dropped; the batches' ranges do not overlap, so across a return
    /// each stored link is read about once.
    /// The register's children keep the per-id probe: their column has the database's collation, in which the range
    /// need not hold the same ids.
    /// </summary>
    public static Task<Dictionary<string, string>> KeyLinksOfSortedBatchAsync(NpgsqlConnection connection, IEnumerable<string> ids, CancellationToken ct) =>
        // The bounds are taken in the links column's own collation ("C"), so every id of the batch lies between them.
        LinksAsync(connection, """local_child_id BETWEEN (SELECT min(i COLLATE "C") FROM unnest(@ids) i) AND (SELECT max(i COLLATE "C") FROM unnest(@ids) i)""",
            ids, ct);

    /// <summary>The links found by <paramref name="linkCondition"/> and the register's children, for the asked ids only, the register's winning.</summary>
    private static async Task<Dictionary<string, string>> LinksAsync(NpgsqlConnection connection, string linkCondition, IEnumerable<string> ids,
        CancellationToken ct)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return links;
        }
        await using var command = new NpgsqlCommand(Probing($"""
            SELECT local_child_id, child_key, 0 AS precedence FROM ssda903_child_keys WHERE {linkCondition}
            UNION ALL SELECT "LocalChildId", "ChildKey", 1 FROM children WHERE "LocalChildId" = ANY(@ids)
            ORDER BY precedence
            """), connection);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(0);
            if (wanted.Contains(id))
            {
                links[id] = reader.GetString(1);
            }
        }
        return links;
    }

    /// <summary>The kept Header rows of a batch, and the links made for children seen for the first time.</summary>
    public async Task AddChildrenAsync(IReadOnlyList<Ssda903Child> children, IReadOnlyList<(string LocalId, string ChildKey)> newLinks,
        DateTimeOffset linkedAt, CancellationToken ct)
    {
        if (children.Count > 0)
        {
            await using var copy = await BinaryCopyWriter.BeginAsync(connection, Children,
                ["child", "child_key", "line", "dob", "age", "sex", "ethnic", "upn", "mother", "mc_dob"], ct);
            foreach (var child in children)
            {
                copy.StartRow();
                copy.Write(child.LocalId);
                copy.Write(child.ChildKey);
                copy.Write(child.Line);
                copy.Write(child.DateOfBirth);
                copy.Write(child.AgeAtYearEnd);
                copy.Write(child.Sex);
                copy.Write(child.Ethnicity);
                copy.Write(child.Upn);
                copy.Write(child.Mother);
                copy.Write(child.MotherChildDateOfBirth);
            }
            await copy.CompleteAsync(ct);
        }
        await Ssda903YearWriter.WriteKeyLinksAsync(connection, newLinks, linkedAt, ct);
    }

    /// <summary>What the episodes decided of each child of a batch (children without episodes get no row).</summary>
    public async Task AddFlagsAsync(IReadOnlyList<Ssda903Child> children, CancellationToken ct)
    {
        if (children.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, Flags,
            ["child", "has_episode", "only_short_breaks", "oc2_cohort", "period_start", "starts_with_entry", "placement_order_on", "placed_on", "adopted_on",
                "adopted_line"], ct);
        foreach (var child in children)
        {
            copy.StartRow();
            copy.Write(child.LocalId);
            copy.Write(child.HasEpisode);
            copy.Write(child.OnlyShortBreaks);
            copy.Write(child.Oc2Cohort);
            var chain = child.Chain;
            copy.Write(chain?.PeriodStart);
            copy.Write(chain?.StartsWithEntry);
            copy.Write(chain?.PlacementOrderOn);
            copy.Write(chain?.PlacedForAdoptionOn);
            copy.Write(chain?.AdoptedOn);
            copy.Write(chain?.AdoptedLine);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Episodes lines a cross-episode rule excluded: their rows are deleted from ssda903_episodes once all are judged.</summary>
    public async Task AddExcludedAsync(IReadOnlyList<int> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, Excluded, ["line"], ct);
        foreach (var line in lines)
        {
            copy.StartRow();
            copy.Write(line);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Writes the year's ssda903_children rows from the staged Header and the episodes' flags; returns (children, OC2 cohort).</summary>
    public async Task<(int Children, int Oc2Cohort)> WriteChildrenAsync(Ssda903ImportState state, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            WITH written AS (
                INSERT INTO ssda903_children (import_id, collection_year, row_number, child, child_key, sex, dob, ethnic, upn, mother, mc_dob,
                    age_at_year_end, oc2_cohort, short_breaks_only)
                SELECT @id, @year, c.line, c.child, c.child_key, c.sex, c.dob, c.ethnic, c.upn, c.mother, c.mc_dob, c.age,
                       COALESCE(f.oc2_cohort, false), COALESCE(f.has_episode AND f.only_short_breaks, false)
                FROM {Children} c LEFT JOIN {Flags} f ON f.child = c.child
                ORDER BY c.line
                RETURNING oc2_cohort)
            SELECT count(*), count(*) FILTER (WHERE oc2_cohort) FROM written
            """, connection);
        command.Parameters.AddWithValue("id", state.ImportId);
        command.Parameters.AddWithValue("year", state.Year.EndYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>Episodes lines that ended in adoption, in Header order, for the children with no kept AD1 row.</summary>
    public async Task<List<(string Child, int Line)>> AdoptedAsync(CancellationToken ct)
    {
        var adopted = new List<(string, int)>();
        await using var command = new NpgsqlCommand(
            $"SELECT f.child, f.adopted_line FROM {Flags} f JOIN {Children} c ON c.child = f.child WHERE f.adopted_line IS NOT NULL ORDER BY c.line", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            adopted.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return adopted;
    }

    /// <summary>
    /// A batch's look-up as primary-key probes. The planner has no statistics for tables filled inside this
    /// transaction, takes them for tiny, and would scan (and hash) the whole of them for every batch: a cost that grows
    /// with the year times its number of batches. Only this statement is planned so; later ones go back to the defaults.
    /// </summary>
    internal static string Probing(string select) => $"""
        SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;
        {select};
        SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT
        """;

    private static DateOnly? NullableDate(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
