using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Partnership.Board.Data;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Snapshots;

/// <summary>A fact kind's new version after a claim, and when the oldest change folded into it happened.</summary>
public sealed record ClaimedChange(string Kind, long Version, DateTimeOffset ChangedAt);

/// <summary>A stored result that no longer reflects the facts (or its measure's SQL), and when it was computed.</summary>
public sealed record StaleResult(ResultKey Key, DateTimeOffset ComputedAt);

/// <summary>The measure_results table and the fact change log, as the refresher and the read path use them.</summary>
public sealed class ResultStore(BoardDbContext db)
{
    /// <summary>Serialises claims across board instances, so versions are handed out in commit order.</summary>
    private const long ClaimLock = 0x426F617264; // "Board"

    public async Task<Dictionary<string, long>> VersionsAsync(CancellationToken cancellationToken) =>
        await db.FactKindVersions.AsNoTracking().ToDictionaryAsync(v => v.Kind, v => v.Version, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// Takes every committed change note and gives each kind it names one new version. A note committed after this
    /// statement began is left for the next claim, so nothing is lost; a snapshot that sees the new version sees the
    /// facts of every note folded into it, because those committed before the claim did.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedChange>> ClaimChangesAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = Connection();
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction.GetDbTransaction() as NpgsqlTransaction))
        {
            command.Parameters.AddWithValue("key", ClaimLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var claimed = new List<ClaimedChange>();
        await using (var command = new NpgsqlCommand("""
            WITH claimed AS (DELETE FROM fact_changes RETURNING kind, changed_at),
                 next AS (SELECT COALESCE(max(version), 0) + 1 AS version FROM fact_kind_versions)
            INSERT INTO fact_kind_versions AS v (kind, version, changed_at)
            SELECT c.kind, next.version, min(c.changed_at) FROM claimed c CROSS JOIN next GROUP BY c.kind, next.version
            ON CONFLICT (kind) DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
            RETURNING kind, version, changed_at
            """, connection, transaction.GetDbTransaction() as NpgsqlTransaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedChange(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>The stored results for these keys that were computed with the measure's current SQL (fresh or not).</summary>
    public async Task<List<StoredResult>> LoadAsync(IReadOnlyCollection<ResultKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var ids = keys.Select(k => k.MeasureId).Distinct().ToList();
        var years = keys.Select(k => k.FinancialYear).Distinct().ToList();
        var wanted = keys.ToHashSet();
        var rows = await db.MeasureResults.AsNoTracking()
            .Where(r => ids.Contains(r.MeasureId) && years.Contains(r.FinancialYear))
            .ToListAsync(cancellationToken);
        return rows
            .Select(ToStored)
            .Where(r => wanted.Contains(r.Key) && MeasureCatalogue.All.TryGetValue(r.Key.MeasureId, out var m) && MeasureInputs.Of(m).Definition == r.Definition)
            .ToList();
    }

    /// <summary>Writes results; a stored row computed from a newer snapshot (same SQL) is kept.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<StoredResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO measure_results AS r (measure_id, financial_year, quarter, numerator, denominator, basis, definition, computed_at, compute_ms)
                SELECT * FROM unnest(@ids, @years, @quarters, @numerators, @denominators, @bases, @definitions, @computed, @ms)
                ON CONFLICT (measure_id, financial_year, quarter) DO UPDATE SET
                    numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, basis = EXCLUDED.basis,
                    definition = EXCLUDED.definition, computed_at = EXCLUDED.computed_at, compute_ms = EXCLUDED.compute_ms
                WHERE r.basis <= EXCLUDED.basis OR r.definition <> EXCLUDED.definition
                """, Connection());
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = results.Select(r => r.Key.MeasureId).ToArray() });
            command.Parameters.AddWithValue("years", results.Select(r => r.Key.FinancialYear).ToArray());
            command.Parameters.AddWithValue("quarters", results.Select(r => r.Key.Quarter).ToArray());
            command.Parameters.AddWithValue("numerators", results.Select(r => r.Counts.Numerator).ToArray());
            command.Parameters.Add(new NpgsqlParameter("denominators", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = results.Select(r => r.Counts.Denominator).ToArray() });
            command.Parameters.AddWithValue("bases", results.Select(r => r.Basis).ToArray());
            command.Parameters.Add(new NpgsqlParameter("definitions", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = results.Select(r => r.Definition).ToArray() });
            command.Parameters.AddWithValue("computed", results.Select(r => r.ComputedAt).ToArray());
            command.Parameters.AddWithValue("ms", results.Select(r => r.ComputeMilliseconds).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Stored results of current measures that miss a claimed change or were computed with other SQL.</summary>
    public async Task<List<StaleResult>> StaleAsync(ResultCache cache, CancellationToken cancellationToken)
    {
        var measures = MeasureCatalogue.All.Values.ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT r.measure_id, r.financial_year, r.quarter, r.computed_at
                FROM measure_results r
                JOIN unnest(@ids, @required, @definitions) AS t(id, required, definition) ON t.id = r.measure_id
                WHERE r.basis < t.required OR r.definition <> t.definition
                """, Connection());
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = measures.Select(m => m.Id).ToArray() });
            command.Parameters.AddWithValue("required", measures.Select(m => cache.Required(MeasureInputs.Of(m))).ToArray());
            command.Parameters.Add(new NpgsqlParameter("definitions", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = measures.Select(m => MeasureInputs.Of(m).Definition).ToArray() });
            var stale = new List<StaleResult>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add(new StaleResult(new ResultKey(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)), reader.GetFieldValue<DateTimeOffset>(3)));
            }
            return stale;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Drops results of measures no plan can name any more, so they are neither refreshed nor kept.</summary>
    public Task<int> ForgetRetiredMeasuresAsync(CancellationToken cancellationToken)
    {
        var ids = MeasureCatalogue.All.Keys.ToList();
        return db.MeasureResults.Where(r => !ids.Contains(r.MeasureId)).ExecuteDeleteAsync(cancellationToken);
    }

    public static StoredResult ToStored(MeasureResult row) =>
        new(new ResultKey(row.MeasureId, row.FinancialYear, row.Quarter), new MeasureCounts(row.Numerator, row.Denominator),
            row.Basis, row.Definition, row.ComputedAt, row.ComputeMilliseconds);

    /// <summary>Stored results for a period computation, one per measure.</summary>
    public static List<StoredResult> FromComputation(PeriodComputation computation) =>
        computation.Measures
            .Select(m => new StoredResult(ResultKey.Of(m.Key, computation.Period), m.Value.Counts, computation.Basis,
                MeasureInputs.Of(MeasureCatalogue.All[m.Key]).Definition, computation.At, (int)Math.Min(int.MaxValue, m.Value.Took.TotalMilliseconds)))
            .ToList();

    private NpgsqlConnection Connection() => (NpgsqlConnection)db.Database.GetDbConnection();
}
