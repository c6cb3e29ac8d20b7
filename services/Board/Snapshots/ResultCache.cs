using System.Collections.Concurrent;
using System.Collections.Immutable;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Snapshots;

/// <summary>A measure for one period: the unit results are stored, cached and refreshed by.</summary>
public readonly record struct ResultKey(string MeasureId, int FinancialYear, int Quarter)
{
    public ReportingPeriod Period => new(FinancialYear, Quarter == 0 ? null : Quarter);

    public static ResultKey Of(string measureId, ReportingPeriod period) => new(measureId, period.FinancialYear, period.Quarter ?? 0);
}

/// <summary>A stored measure result: raw counts (never published as they are), the fact version they reflect, and when.</summary>
public sealed record StoredResult(ResultKey Key, MeasureCounts Counts, long Basis, string Definition, DateTimeOffset ComputedAt, int ComputeMilliseconds);

/// <summary>
/// The board process's view of its stored results: a copy of the rows it has read or written, the fact versions it has
/// claimed, which periods were read lately (refreshed first), and the signal that wakes the refresher. A result is
/// fresh while no kind it reads has a version above its basis and its measure's SQL is unchanged; staleness is decided
/// here, from the versions, so a cached copy can never outlive a change the refresher has claimed.
/// </summary>
public sealed class ResultCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<ResultKey, StoredResult> results = new();
    private readonly ConcurrentDictionary<ReportingPeriod, DateTimeOffset> reads = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly Lock versionsLock = new();
    private ImmutableDictionary<string, long> versions = ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Generation, IndicatorResults Results)> published = new(StringComparer.Ordinal);
    private long generation;

    public bool VersionsLoaded { get; private set; }

    /// <summary>Moves on whenever anything a published answer is made of may have changed: a version, a result, a manual value.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>A manual value was entered (here, or elsewhere and now claimed): published answers are out of date.</summary>
    public void ManualValuesChanged() => Interlocked.Increment(ref generation);

    /// <summary>A published answer, if nothing it was made of has changed since.</summary>
    public bool TryGetPublished(string key, out IndicatorResults results)
    {
        if (published.TryGetValue(key, out var entry) && entry.Generation == Generation)
        {
            results = entry.Results;
            return true;
        }
        results = null!;
        return false;
    }

    /// <summary>Keeps a published answer made at <paramref name="madeAt"/>; one made before a change is never returned.</summary>
    public void Publish(string key, long madeAt, IndicatorResults results)
    {
        if (published.Count >= MaxPublished)
        {
            published.Clear();
        }
        published[key] = (madeAt, results);
    }

    private const int MaxPublished = 2000;

    /// <summary>Takes newer versions; versions only grow, so the order in which callers report them does not matter.</summary>
    public void Advance(IEnumerable<KeyValuePair<string, long>> changed)
    {
        lock (versionsLock)
        {
            var next = versions;
            foreach (var (kind, version) in changed)
            {
                if (!next.TryGetValue(kind, out var known) || known < version)
                {
                    next = next.SetItem(kind, version);
                }
            }
            if (!ReferenceEquals(next, versions))
            {
                versions = next;
                Interlocked.Increment(ref generation);
            }
            VersionsLoaded = true;
        }
    }

    /// <summary>The lowest basis at which a result of the measure reflects every change claimed so far.</summary>
    public long Required(MeasureInputs inputs)
    {
        var current = versions;
        if (inputs.AnyKind)
        {
            return current.IsEmpty ? 0 : current.Values.Max();
        }
        var required = current.GetValueOrDefault(MeasureInputs.EveryKind);
        foreach (var kind in inputs.Kinds)
        {
            required = Math.Max(required, current.GetValueOrDefault(kind));
        }
        return required;
    }

    public bool IsFresh(StoredResult result) =>
        MeasureCatalogue.All.TryGetValue(result.Key.MeasureId, out var measure)
        && MeasureInputs.Of(measure) is var inputs
        && result.Definition == inputs.Definition
        && result.Basis >= Required(inputs);

    public bool TryGet(ResultKey key, out StoredResult result) => results.TryGetValue(key, out result!);

    /// <summary>Keeps the result computed from the newer snapshot (a slow, older computation must not win).</summary>
    public void Remember(StoredResult result)
    {
        var kept = results.AddOrUpdate(result.Key, result, (_, known) => known.Definition != result.Definition || known.Basis <= result.Basis ? result : known);
        if (ReferenceEquals(kept, result))
        {
            Interlocked.Increment(ref generation);
        }
    }

    /// <summary>
    /// Notes that periods were read. Periods read only as context (the one before, for the trend arrow) count as read a
    /// second earlier, so the refresher brings the period on screen up to date first.
    /// </summary>
    public void MarkRead(IEnumerable<ReportingPeriod> periods, bool asContext = false)
    {
        var at = clock.GetUtcNow() - (asContext ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        foreach (var period in periods)
        {
            reads[period] = at;
        }
    }

    public DateTimeOffset? LastRead(ReportingPeriod period) => reads.TryGetValue(period, out var at) ? at : null;

    /// <summary>Asks the refresher to look for work (new changes, or a result written from an older snapshot).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); } catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}
