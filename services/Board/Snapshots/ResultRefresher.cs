using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Partnership.Board.Catalogue;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.Board.Snapshots;

/// <summary>
/// Keeps stored results current. Woken by committed fact changes (debounced), it claims the change notes, finds the
/// stored results they make stale and recomputes them one period at a time, all of a period's stale measures from one
/// snapshot: the periods read most recently first, and every few refreshes the one stale longest so none starves. It
/// looks again after every period, so a change that arrives meanwhile reaches a period being read without waiting for
/// quiet periods to finish. It also computes the dashboard's default periods at start-up.
/// </summary>
public sealed partial class ResultRefresher(
    IServiceScopeFactory scopes, ResultCache cache, PlanCatalogue catalogue, IOptions<ResultsOptions> options, TimeProvider clock,
    ILogger<ResultRefresher> logger) : BackgroundService
{
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);
    private static readonly Histogram<double> FreshAfter = Meter.CreateHistogram<double>("partnership.board.results.fresh_after", "ms",
        "From the oldest fact change claimed to every stored result reflecting it");
    private static readonly Histogram<double> PeriodComputed = Meter.CreateHistogram<double>("partnership.board.results.period_compute", "ms",
        "Recomputing one period's stale measures");

    private long refreshes;
    private readonly Dictionary<ReportingPeriod, (DateTimeOffset At, TimeSpan Took)> lastComputed = [];
    private DateTimeOffset? oldestUnreflected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await PrepareAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
                await cache.WaitAsync(options.Value.PollInterval, stoppingToken);
                await Task.Delay(options.Value.Debounce, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRefreshFailed(ex);
                await Task.Delay(options.Value.PollInterval / 5, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Recomputes stale results until none is left; returns how many periods it recomputed.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var failed = new HashSet<ReportingPeriod>();
        var recomputed = 0;
        var restUntil = DateTimeOffset.MinValue;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ResultStore>();
            await ClaimAsync(store, cancellationToken);
            var stale = (await store.StaleAsync(cache, cancellationToken)).Where(s => !failed.Contains(s.Key.Period)).ToList();
            if (stale.Count == 0)
            {
                if (oldestUnreflected is { } oldest && failed.Count == 0)
                {
                    var after = clock.GetUtcNow() - oldest;
                    FreshAfter.Record(after.TotalMilliseconds);
                    LogFresh(after.TotalMilliseconds, recomputed);
                    oldestUnreflected = null;
                }
                return recomputed;
            }

            var resting = clock.GetUtcNow() < restUntil;
            var (period, keys, hot) = Pick(stale, resting);
            if (!hot && resting)
            {
                // Resting after a quiet period; a new change (which may make a period being read stale) ends the rest.
                await cache.WaitAsync(restUntil - clock.GetUtcNow(), cancellationToken);
                continue;
            }
            var wait = lastComputed.TryGetValue(period, out var last) ? last.At + Spacing(last.Took) - clock.GetUtcNow() : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                // Changes arriving meanwhile join this recomputation instead of each causing one.
                await Task.Delay(wait, clock, cancellationToken);
                continue;
            }
            var measures = keys.Select(k => MeasureCatalogue.All[k.MeasureId]).ToList();
            try
            {
                var startedAt = clock.GetUtcNow();
                lastComputed[period] = (startedAt, TimeSpan.Zero);
                var computation = await scope.ServiceProvider.GetRequiredService<IndicatorCalculator>().ComputeAsync(measures, period, cancellationToken);
                lastComputed[period] = (startedAt, computation.Took);
                var results = ResultStore.FromComputation(computation);
                await store.UpsertAsync(results, cancellationToken);
                foreach (var result in results)
                {
                    cache.Remember(result);
                }
                PeriodComputed.Record(computation.Took.TotalMilliseconds);
                LogRecomputed(period.Label, measures.Count, computation.Took.TotalMilliseconds, stale.Count - keys.Count);
                recomputed++;
                refreshes++;
                if (!hot)
                {
                    restUntil = clock.GetUtcNow() + computation.Took * Math.Max(0, options.Value.Pace);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One period failing (a measure's SQL, say) must not hold up the others; it is tried again next time.
                LogPeriodFailed(ex, period.Label);
                failed.Add(period);
            }
        }
    }

    /// <summary>
    /// The least time from the start of one recomputation of a period to the start of the next, when the last took
    /// <paramref name="took"/>: max(MinInterval, t + t × HotPace), as ADR 0016 records.
    /// </summary>
    private TimeSpan Spacing(TimeSpan took)
    {
        var spacing = took + took * Math.Max(0, options.Value.HotPace);
        return spacing > options.Value.MinInterval ? spacing : options.Value.MinInterval;
    }

    private async Task ClaimAsync(ResultStore store, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimChangesAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return;
        }
        cache.Advance(claimed.Select(c => KeyValuePair.Create(c.Kind, c.Version)));
        var first = claimed.Min(c => c.ChangedAt);
        oldestUnreflected = oldestUnreflected is { } known && known < first ? known : first;
    }

    /// <summary>
    /// The period read most recently, or every few refreshes (or when nothing stale was read lately) the one stale
    /// longest; while resting, a period being read if there is one.
    /// </summary>
    private (ReportingPeriod Period, List<ResultKey> Keys, bool Hot) Pick(List<StaleResult> stale, bool resting)
    {
        var now = clock.GetUtcNow();
        var groups = stale
            .GroupBy(s => s.Key.Period)
            .Select(g => (Period: g.Key, Keys: g.Select(s => s.Key).ToList(), Oldest: g.Min(s => s.ComputedAt), Read: cache.LastRead(g.Key)))
            .ToList();
        var hot = groups.Where(g => g.Read is { } read && now - read <= options.Value.HotFor).OrderByDescending(g => g.Read).ToList();
        var oldestTurn = !resting && (refreshes + 1) % Math.Max(1, options.Value.OldestEvery) == 0;
        var pick = hot.Count == 0 || oldestTurn ? groups.OrderBy(g => g.Oldest).First() : hot[0];
        return (pick.Period, pick.Keys, hot.Any(h => h.Period == pick.Period));
    }

    /// <summary>Loads the claimed versions, forgets retired measures and computes the default periods if missing.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ResultStore>();
            cache.Advance(await store.VersionsAsync(cancellationToken));
            await store.ForgetRetiredMeasuresAsync(cancellationToken);
            if (!options.Value.Prewarm)
            {
                return;
            }
            await ClaimAsync(store, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var quarter = ReportingPeriod.QuarterContaining(today);
            var year = ReportingPeriod.YearContaining(today);
            var measures = catalogue.Plans
                .SelectMany(p => p.Indicators)
                .Where(i => i.Source.Kind != SourceKind.Manual)
                .Select(i => MeasureCatalogue.All[i.Source.Measure!])
                .DistinctBy(m => m.Id)
                .ToList();
            var calculator = scope.ServiceProvider.GetRequiredService<IndicatorCalculator>();
            foreach (var period in new[] { quarter, quarter.Previous(), year, year.Previous() })
            {
                var stored = (await store.LoadAsync([.. measures.Select(m => ResultKey.Of(m.Id, period))], cancellationToken))
                    .Select(r => r.Key.MeasureId).ToHashSet(StringComparer.Ordinal);
                var missing = measures.Where(m => !stored.Contains(m.Id)).ToList();
                if (missing.Count > 0)
                {
                    var computation = await calculator.ComputeAsync(missing, period, cancellationToken);
                    var results = ResultStore.FromComputation(computation);
                    await store.UpsertAsync(results, cancellationToken);
                    results.ForEach(cache.Remember);
                    LogRecomputed(period.Label, missing.Count, computation.Took.TotalMilliseconds, 0);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The refresher still runs; reads compute what is missing.
            LogPrepareFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed {Measures} stored results of {Period} in {Milliseconds:F0} ms; {Remaining} others stale")]
    private partial void LogRecomputed(string period, int measures, double milliseconds, int remaining);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored results reflect every fact change, {Milliseconds:F0} ms after the oldest ({Periods} periods recomputed)")]
    private partial void LogFresh(double milliseconds, int periods);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing stored results of {Period} failed; it stays stale until the next refresh")]
    private partial void LogPeriodFailed(Exception ex, string period);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing stored results failed; retrying")]
    private partial void LogRefreshFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing stored results failed; they are computed when first read")]
    private partial void LogPrepareFailed(Exception ex);
}
