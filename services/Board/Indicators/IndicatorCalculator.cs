using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Indicators;

/// <summary>
/// Computes an indicator's raw numbers for a period from the stored facts (or reads the newest manual entry). The
/// same facts always give the same numbers, which is what lets a rebuild reproduce live results exactly.
/// </summary>
public sealed class IndicatorCalculator(BoardDbContext db, TimeProvider clock)
{
    public async Task<RawValue> ComputeAsync(PlanDefinition plan, IndicatorDefinition indicator, ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (indicator.Source.Kind == SourceKind.Manual)
        {
            var quarter = period.Quarter ?? 0;
            var entry = await db.ManualValues.AsNoTracking()
                .Where(m => m.PlanId == plan.Id && m.IndicatorId == indicator.Id && m.FinancialYear == period.FinancialYear && m.Quarter == quarter)
                .OrderByDescending(m => m.Id)
                .FirstOrDefaultAsync(cancellationToken);
            return entry is null ? RawValue.None : new RawValue(entry.Numerator, entry.Denominator, entry.Value, entry.EnteredAt);
        }

        var measure = MeasureCatalogue.All[indicator.Source.Measure!];
        var counts = await RunAsync(measure, period, cancellationToken);
        return new RawValue(counts.Numerator, counts.Denominator, ValueOf(measure.Shape, counts), clock.GetUtcNow());
    }

    public static decimal? ValueOf(MeasureShape shape, MeasureCounts counts) => shape switch
    {
        MeasureShape.Count => counts.Numerator,
        MeasureShape.AverageDays => counts.Denominator is > 0 and var d ? Math.Round((decimal)counts.Numerator / d, 1) : null,
        _ => counts.Denominator is > 0 and var d ? Math.Round(100m * counts.Numerator / d, 1) : null,
    };

    private async Task<MeasureCounts> RunAsync(Measure measure, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQueryRaw<MeasureCounts>(measure.Sql, new NpgsqlParameter("from", period.From), new NpgsqlParameter("to", period.To))
            .ToListAsync(cancellationToken);
        return rows.Single();
    }
}
