using Microsoft.EntityFrameworkCore;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;

namespace Partnership.Board.Indicators;

/// <summary>
/// Published results for indicators over periods, from live computation or from the stored snapshots. Suppression
/// groups are always evaluated whole, so asking for one member of a group cannot reveal what the group hides.
/// </summary>
public sealed class IndicatorService(IndicatorCalculator calculator, BoardDbContext db)
{
    public async Task<IReadOnlyList<IndicatorResult>> ResultsAsync(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<ReportingPeriod> periods, bool fromSnapshots,
        CancellationToken cancellationToken)
    {
        var wanted = indicators
            .SelectMany(i => plan.GroupOf(i.Id)?.Members.Select(m => plan.Indicator(m)!) ?? [i])
            .DistinctBy(i => i.Id)
            .ToList();
        var allPeriods = periods.Concat(periods.Select(p => p.Previous())).Distinct().ToList();

        var raws = fromSnapshots
            ? await SnapshotsAsync(plan, wanted, allPeriods, cancellationToken)
            : await LiveAsync(plan, wanted, allPeriods, cancellationToken);

        var published = allPeriods.ToDictionary(p => p, p => Publish(plan, wanted, raws[p]));
        return periods
            .SelectMany(p => indicators.Select(i =>
                IndicatorPublisher.ToResult(i, p, published[p][i.Id], raws[p][i.Id], published[p.Previous()][i.Id].Value)))
            .ToList();
    }

    private static Dictionary<string, IndicatorPublisher.Published> Publish(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> indicators, Dictionary<string, RawValue> raws)
    {
        var published = indicators.ToDictionary(i => i.Id, i => IndicatorPublisher.Suppress(i, raws[i.Id]));
        foreach (var group in plan.SuppressionGroups ?? [])
        {
            if (group.Members.All(published.ContainsKey))
            {
                IndicatorPublisher.SuppressGroup(group, raws, published);
            }
        }
        return published;
    }

    private async Task<Dictionary<ReportingPeriod, Dictionary<string, RawValue>>> LiveAsync(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ReportingPeriod, Dictionary<string, RawValue>>();
        foreach (var period in periods)
        {
            var values = new Dictionary<string, RawValue>();
            foreach (var indicator in indicators)
            {
                values[indicator.Id] = await calculator.ComputeAsync(plan, indicator, period, cancellationToken);
            }
            result[period] = values;
        }
        return result;
    }

    /// <summary>Computed indicators come from the last rebuild; manual ones are always read as entered.</summary>
    private async Task<Dictionary<ReportingPeriod, Dictionary<string, RawValue>>> SnapshotsAsync(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken)
    {
        var years = periods.Select(p => p.FinancialYear).Distinct().ToList();
        var ids = indicators.Select(i => i.Id).ToList();
        var rows = await db.Snapshots.AsNoTracking()
            .Where(s => s.PlanId == plan.Id && years.Contains(s.FinancialYear) && ids.Contains(s.IndicatorId))
            .ToListAsync(cancellationToken);
        var lookup = rows.ToDictionary(s => (s.IndicatorId, s.FinancialYear, s.Quarter));

        var result = new Dictionary<ReportingPeriod, Dictionary<string, RawValue>>();
        foreach (var period in periods)
        {
            var values = new Dictionary<string, RawValue>();
            foreach (var indicator in indicators)
            {
                values[indicator.Id] = indicator.Source.Kind == SourceKind.Manual
                    ? await calculator.ComputeAsync(plan, indicator, period, cancellationToken)
                    : lookup.TryGetValue((indicator.Id, period.FinancialYear, period.Quarter ?? 0), out var s)
                        ? new RawValue(s.Numerator, s.Denominator, s.Value, s.AsAt)
                        : RawValue.None;
            }
            result[period] = values;
        }
        return result;
    }
}
