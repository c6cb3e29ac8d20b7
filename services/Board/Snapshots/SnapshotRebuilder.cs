using Microsoft.EntityFrameworkCore;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Snapshots;

public sealed record RebuildSummary(int FromYear, int ToYear, int Snapshots, DateTimeOffset AsAt);

/// <summary>
/// Recomputes every computed indicator of every plan for each quarter and whole year in a range of financial years,
/// from the stored facts alone, and replaces the snapshots of that range in one transaction. Each period's measures are
/// computed once for all plans from one snapshot of the facts; the same numbers also replace the stored results, which
/// the refresher then keeps current.
/// </summary>
public sealed partial class SnapshotRebuilder(
    PlanCatalogue catalogue, IndicatorCalculator calculator, ResultStore store, ResultCache cache, BoardDbContext db, TimeProvider clock,
    ILogger<SnapshotRebuilder> logger)
{
    public async Task<RebuildSummary> RebuildAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var asAt = clock.GetUtcNow();
        var periods = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(y => new int?[] { null, 1, 2, 3, 4 }.Select(q => new ReportingPeriod(y, q)))
            .ToList();
        var computed = catalogue.Plans
            .SelectMany(p => p.Indicators.Where(i => i.Source.Kind != SourceKind.Manual).Select(i => (Plan: p, Indicator: i)))
            .ToList();
        var measures = computed.Select(c => MeasureCatalogue.All[c.Indicator.Source.Measure!]).DistinctBy(m => m.Id).ToList();

        var snapshots = new List<IndicatorSnapshot>();
        foreach (var period in periods)
        {
            var computation = await calculator.ComputeAsync(measures, period, cancellationToken);
            var results = ResultStore.FromComputation(computation);
            await store.UpsertAsync(results, cancellationToken);
            results.ForEach(cache.Remember);
            foreach (var (plan, indicator) in computed)
            {
                var measure = MeasureCatalogue.All[indicator.Source.Measure!];
                var raw = IndicatorCalculator.ToRaw(measure, computation.Measures[measure.Id].Counts, asAt);
                snapshots.Add(new IndicatorSnapshot
                {
                    PlanId = plan.Id,
                    IndicatorId = indicator.Id,
                    FinancialYear = period.FinancialYear,
                    Quarter = period.Quarter ?? 0,
                    Numerator = raw.Numerator,
                    Denominator = raw.Denominator,
                    Value = raw.Value,
                    AsAt = asAt,
                });
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Snapshots.Where(s => s.FinancialYear >= fromYear && s.FinancialYear <= toYear).ExecuteDeleteAsync(cancellationToken);
        db.Snapshots.AddRange(snapshots);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRebuilt(snapshots.Count, fromYear, toYear);
        return new RebuildSummary(fromYear, toYear, snapshots.Count, asAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt {Count} indicator snapshots for financial years {FromYear} to {ToYear}")]
    private partial void LogRebuilt(int count, int fromYear, int toYear);
}
