using Npgsql;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Indicators;

/// <summary>
/// Computes a cohort that several measures of one period share (the looked-after children at @to, their current
/// placements) once, as a temporary table of the period's transaction, and points each measure's own copy of the cohort
/// at it. The measures' SQL is otherwise run exactly as written: a cohort is swapped only where its definition appears
/// verbatim, and the table holds what that definition returns for the same @to, so every count is unchanged. A measure
/// whose cohort text differs simply computes its own.
/// </summary>
public sealed class SharedCohorts
{
    private const string LookedAfterTable = "board_cohort_looked_after";
    private const string CurrentPlacementTable = "board_cohort_current_placement";

    /// <summary>The current-placement cohort without the looked-after one it is built on (empty if that shape ever changes).</summary>
    private static readonly string CurrentPlacementOnly = Cohorts.CurrentPlacement.StartsWith(Cohorts.LookedAfter, StringComparison.Ordinal)
        ? Cohorts.CurrentPlacement[Cohorts.LookedAfter.Length..]
        : string.Empty;

    private readonly bool lookedAfter;
    private readonly bool currentPlacement;

    private SharedCohorts(bool lookedAfter, bool currentPlacement)
    {
        this.lookedAfter = lookedAfter;
        this.currentPlacement = currentPlacement;
    }

    public static SharedCohorts None { get; } = new(false, false);

    /// <summary>Which cohorts are worth computing once for these measures: those that at least two of them use.</summary>
    public static SharedCohorts For(IEnumerable<Measure> measures)
    {
        var sql = measures.Select(m => m.Sql).ToList();
        var placement = CurrentPlacementOnly.Length > 0 && sql.Count(s => s.Contains(CurrentPlacementOnly, StringComparison.Ordinal)) >= 2;
        var lookedAfter = placement || sql.Count(s => s.Contains(Cohorts.LookedAfter, StringComparison.Ordinal)) >= 2;
        return new SharedCohorts(lookedAfter, placement);
    }

    /// <summary>Creates the tables in the open transaction; they are dropped when it ends.</summary>
    public async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (lookedAfter)
        {
            await CreateAsync(connection, transaction, LookedAfterTable,
                $"WITH {Cohorts.LookedAfter} SELECT * FROM looked_after", period, cancellationToken);
        }
        if (currentPlacement)
        {
            await CreateAsync(connection, transaction, CurrentPlacementTable,
                $"WITH looked_after AS (SELECT * FROM {LookedAfterTable}){CurrentPlacementOnly} SELECT * FROM current_placement", period, cancellationToken);
        }
    }

    /// <summary>The measure's SQL reading the shared tables instead of recomputing the cohorts.</summary>
    public string Rewrite(string sql)
    {
        if (currentPlacement)
        {
            sql = sql.Replace(CurrentPlacementOnly, $",\ncurrent_placement AS (SELECT * FROM {CurrentPlacementTable})", StringComparison.Ordinal);
        }
        if (lookedAfter)
        {
            sql = sql.Replace(Cohorts.LookedAfter, $"looked_after AS (SELECT * FROM {LookedAfterTable})", StringComparison.Ordinal);
        }
        return sql;
    }

    private static async Task CreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string query, ReportingPeriod period, CancellationToken cancellationToken)
    {
        await using var create = new NpgsqlCommand($"CREATE TEMP TABLE {table} ON COMMIT DROP AS {query}", connection, transaction);
        create.Parameters.AddWithValue("from", period.From);
        create.Parameters.AddWithValue("to", period.To);
        await create.ExecuteNonQueryAsync(cancellationToken);
        // Statistics let the measures' plans see the cohort's real size rather than a guess.
        await using var analyse = new NpgsqlCommand($"ANALYZE {table}", connection, transaction);
        await analyse.ExecuteNonQueryAsync(cancellationToken);
    }
}
