using Microsoft.EntityFrameworkCore;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Indicators;

namespace Partnership.Board.Snapshots;

public sealed record RebuildSummary(int FromYear, int ToYear, int Snapshots, DateTimeOffset AsAt);

/// <summary>
/// Recomputes every computed indicator of every plan for each quarter and whole year in a range of financial years,
/// from the stored facts alone, and replaces the snapshots of that range in one transaction.
/// </summary>
public sealed partial class SnapshotRebuilder(PlanCatalogue catalogue, IndicatorCalculator calculator, BoardDbContext db, TimeProvider clock, ILogger<SnapshotRebuilder> logger)
{
    public async Task<RebuildSummary> RebuildAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var asAt = clock.GetUtcNow();
        var periods = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(y => new int?[] { null, 1, 2, 3, 4 }.Select(q => new ReportingPeriod(y, q)))
            .ToList();

        var snapshots = new List<IndicatorSnapshot>();
        foreach (var plan in catalogue.Plans)
        {
            foreach (var indicator in plan.Indicators.Where(i => i.Source.Kind != SourceKind.Manual))
            {
                foreach (var period in periods)
                {
                    var raw = await calculator.ComputeAsync(plan, indicator, period, cancellationToken);
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
