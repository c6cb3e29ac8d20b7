using Microsoft.EntityFrameworkCore;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;
using Partnership.Board.Indicators.Measures;
using Partnership.Board.Snapshots;

namespace Partnership.Board.Indicators;

/// <summary>Where computed indicators' numbers come from.</summary>
public enum ResultSource
{
    /// <summary>Stored results kept current by the refresher; a period never asked for before is computed and stored.</summary>
    Stored,
    /// <summary>Computed from the facts for this request, nothing stored.</summary>
    Live,
    /// <summary>The snapshots of the last administrator rebuild.</summary>
    Snapshot,
}

/// <summary>Published results, and whether any of them was served while a newer fact change was still being applied to it.</summary>
public sealed record IndicatorResults(IReadOnlyList<IndicatorResult> Results, bool Pending);

/// <summary>
/// Published results for indicators over periods. Suppression groups are always evaluated whole, so asking for one
/// member of a group cannot reveal what the group hides. Manual indicators are always read as entered.
/// </summary>
public sealed class IndicatorService(IndicatorCalculator calculator, ResultStore store, ResultCache cache, BoardDbContext db)
{
    public async Task<IndicatorResults> ResultsAsync(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<ReportingPeriod> periods, ResultSource source,
        CancellationToken cancellationToken)
    {
        var allPeriods = periods.Concat(periods.Select(p => p.Previous())).Distinct().ToList();
        // A warm read is one dictionary look-up: the published answer stands until a version, a stored result or a
        // manual value changes.
        var key = $"{plan.Id}|{string.Join(',', indicators.Select(i => i.Id))}|{string.Join(',', periods.Select(p => p.Label))}";
        var madeAt = cache.Generation;
        if (source == ResultSource.Stored && cache.VersionsLoaded && cache.TryGetPublished(key, out var known))
        {
            cache.MarkRead(allPeriods.Except(periods), asContext: true);
            cache.MarkRead(periods);
            return known;
        }

        var wanted = indicators
            .SelectMany(i => plan.GroupOf(i.Id)?.Members.Select(m => plan.Indicator(m)!) ?? [i])
            .DistinctBy(i => i.Id)
            .ToList();
        var computed = wanted.Where(i => i.Source.Kind != SourceKind.Manual).ToList();

        var manual = await calculator.ManualAsync(plan, wanted, allPeriods, cancellationToken);
        var (values, pending) = source switch
        {
            ResultSource.Live => (await LiveAsync(computed, allPeriods, cancellationToken), false),
            ResultSource.Snapshot => (await SnapshotsAsync(plan, computed, allPeriods, cancellationToken), false),
            _ => await StoredAsync(computed, allPeriods, periods, cancellationToken),
        };

        var raws = allPeriods.ToDictionary(p => p, p => wanted.ToDictionary(i => i.Id,
            i => i.Source.Kind == SourceKind.Manual ? manual[(i.Id, p)] : values.GetValueOrDefault((i.Id, p), RawValue.None)));
        var published = allPeriods.ToDictionary(p => p, p => Publish(plan, wanted, raws[p]));
        var results = periods
            .SelectMany(p => indicators.Select(i =>
                IndicatorPublisher.ToResult(i, p, published[p][i.Id], raws[p][i.Id], published[p.Previous()][i.Id].Value)))
            .ToList();
        var answer = new IndicatorResults(results, pending);
        if (source == ResultSource.Stored && !pending)
        {
            cache.Publish(key, madeAt, answer);
        }
        return answer;
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

    private static List<Measure> MeasuresOf(IEnumerable<IndicatorDefinition> computed) =>
        computed.Select(i => MeasureCatalogue.All[i.Source.Measure!]).DistinctBy(m => m.Id).ToList();

    private async Task<Dictionary<(string, ReportingPeriod), RawValue>> LiveAsync(
        IReadOnlyList<IndicatorDefinition> computed, IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken)
    {
        var measures = MeasuresOf(computed);
        var values = new Dictionary<(string, ReportingPeriod), RawValue>();
        if (measures.Count == 0)
        {
            return values;
        }
        foreach (var period in periods)
        {
            var computation = await calculator.ComputeAsync(measures, period, cancellationToken);
            foreach (var indicator in computed)
            {
                var measure = MeasureCatalogue.All[indicator.Source.Measure!];
                values[(indicator.Id, period)] = IndicatorCalculator.ToRaw(measure, computation.Measures[measure.Id].Counts, computation.At);
            }
        }
        return values;
    }

    /// <summary>
    /// Stored results, from this process's copy while fresh, else from the table; results never stored are computed
    /// (a period at a time, shared cohorts once) and stored, after which the refresher keeps them current. A stored
    /// result that a claimed change has made stale is still served, flagged as pending, while the refresher recomputes
    /// it: a read never waits for a national-scale recomputation.
    /// </summary>
    private async Task<(Dictionary<(string, ReportingPeriod), RawValue>, bool)> StoredAsync(
        IReadOnlyList<IndicatorDefinition> computed, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<ReportingPeriod> requested,
        CancellationToken cancellationToken)
    {
        var measures = MeasuresOf(computed);
        var values = new Dictionary<(string, ReportingPeriod), RawValue>();
        if (measures.Count == 0)
        {
            return (values, false);
        }
        if (!cache.VersionsLoaded)
        {
            cache.Advance(await store.VersionsAsync(cancellationToken));
        }
        cache.MarkRead(periods.Except(requested), asContext: true);
        cache.MarkRead(requested);

        var found = new Dictionary<ResultKey, StoredResult>();
        var toLoad = new List<ResultKey>();
        foreach (var key in periods.SelectMany(p => measures.Select(m => ResultKey.Of(m.Id, p))))
        {
            if (cache.TryGet(key, out var cached) && cache.IsFresh(cached))
            {
                found[key] = cached;
            }
            else
            {
                toLoad.Add(key);
            }
        }
        foreach (var row in await store.LoadAsync(toLoad, cancellationToken))
        {
            cache.Remember(row);
            found[row.Key] = cache.TryGet(row.Key, out var kept) ? kept : row;
        }
        var missing = toLoad.Where(k => !found.ContainsKey(k)).GroupBy(k => k.Period).ToList();
        foreach (var group in missing)
        {
            var computation = await calculator.ComputeAsync([.. group.Select(k => MeasureCatalogue.All[k.MeasureId])], group.Key, cancellationToken);
            var results = ResultStore.FromComputation(computation);
            await store.UpsertAsync(results, cancellationToken);
            foreach (var result in results)
            {
                cache.Remember(result);
                found[result.Key] = result;
            }
        }

        var pending = found.Values.Any(r => !cache.IsFresh(r));
        if (missing.Count > 0 || pending)
        {
            // A result stored from a snapshot older than a change claimed meanwhile is found and redone by the next refresh.
            cache.Wake();
        }
        foreach (var indicator in computed)
        {
            var measure = MeasureCatalogue.All[indicator.Source.Measure!];
            foreach (var period in periods)
            {
                var result = found[ResultKey.Of(measure.Id, period)];
                values[(indicator.Id, period)] = IndicatorCalculator.ToRaw(measure, result.Counts, result.ComputedAt);
            }
        }
        return (values, pending);
    }

    /// <summary>Computed indicators from the last rebuild.</summary>
    private async Task<Dictionary<(string, ReportingPeriod), RawValue>> SnapshotsAsync(
        PlanDefinition plan, IReadOnlyList<IndicatorDefinition> computed, IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken)
    {
        var years = periods.Select(p => p.FinancialYear).Distinct().ToList();
        var ids = computed.Select(i => i.Id).ToList();
        var rows = await db.Snapshots.AsNoTracking()
            .Where(s => s.PlanId == plan.Id && years.Contains(s.FinancialYear) && ids.Contains(s.IndicatorId))
            .ToListAsync(cancellationToken);
        var lookup = rows.ToDictionary(s => (s.IndicatorId, s.FinancialYear, s.Quarter));

        var values = new Dictionary<(string, ReportingPeriod), RawValue>();
        foreach (var period in periods)
        {
            foreach (var indicator in computed)
            {
                values[(indicator.Id, period)] = lookup.TryGetValue((indicator.Id, period.FinancialYear, period.Quarter ?? 0), out var s)
                    ? new RawValue(s.Numerator, s.Denominator, s.Value, s.AsAt)
                    : RawValue.None;
            }
        }
        return values;
    }
}
