using Partnership.Board.Catalogue;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Indicators;

/// <summary>
/// Turns raw numbers into what may leave the service: small counts suppressed (with secondary suppression across
/// suppression groups), the value withheld wherever it would give a suppressed count away, then RAG and trend.
/// </summary>
public static class IndicatorPublisher
{
    public sealed record Published(SuppressedCount Numerator, SuppressedCount Denominator, decimal? Value);

    public static Published Suppress(IndicatorDefinition indicator, RawValue raw)
    {
        switch (ShapeOf(indicator, raw))
        {
            case MeasureShape.Count:
                if (raw.Numerator is null && raw.Value is null)
                {
                    return new(SuppressedCount.Hidden, SuppressedCount.Hidden, null);
                }
                if (!indicator.CountsChildren)
                {
                    var shown = raw.Numerator is { } n ? SuppressedCount.Shown(checked((int)n)) : new SuppressedCount(null, false);
                    return new(shown, new SuppressedCount(null, false), raw.Value);
                }
                var count = SmallNumberSuppression.Single(raw.Numerator ?? (long)raw.Value!.Value);
                return new(count, new SuppressedCount(null, false), count.Suppressed ? null : raw.Value);
            case MeasureShape.AverageDays:
                var cases = SmallNumberSuppression.Single(raw.Denominator ?? 0);
                return cases.Suppressed
                    ? new(SuppressedCount.Hidden, SuppressedCount.Hidden, null)
                    : new(SuppressedCount.Shown(checked((int)(raw.Numerator ?? 0))), cases, raw.Value);
            default:
                if (raw.Numerator is not { } num || raw.Denominator is not { } den)
                {
                    // A manual percentage entered without its counts: nothing to suppress.
                    return new(new SuppressedCount(null, false), new SuppressedCount(null, false), raw.Value);
                }
                var (numerator, denominator) = SmallNumberSuppression.Proportion(checked((int)num), checked((int)den));
                var share = !numerator.Suppressed && SmallNumberSuppression.IsConsistentProportion(num, den);
                return new(numerator, denominator, share ? raw.Value : null);
        }
    }

    /// <summary>
    /// A share whose numerator exceeds its denominator (or is negative) is a fault in the source records, not a result:
    /// its counts are published so the board can see the fault, its value (and so RAG and trend) is withheld, and this
    /// flag says why.
    /// </summary>
    public static ReviewFlag? DataQualityFlag(IndicatorDefinition indicator, RawValue raw) =>
        ShapeOf(indicator, raw) is MeasureShape.Percentage or MeasureShape.SessionRate
        && raw is { Numerator: { } n, Denominator: { } d } && !SmallNumberSuppression.IsConsistentProportion(n, d)
            ? new ReviewFlag(ReviewFlags.DataQuality,
                $"The source records give {n} against a total of {d} for this period, which cannot be a share; no value is published until they are corrected.")
            : null;

    private static MeasureShape ShapeOf(IndicatorDefinition indicator, RawValue raw) =>
        indicator.Source.Kind == SourceKind.Manual ? ManualShape(indicator, raw) : MeasureCatalogue.All[indicator.Source.Measure!].Shape;

    private static MeasureShape ManualShape(IndicatorDefinition indicator, RawValue raw) =>
        indicator.Unit is "count" or "milestone" ? MeasureShape.Count : MeasureShape.Percentage;

    /// <summary>
    /// Applies secondary suppression across a group: the total's numerator is the sum of the parts' numerators, so a
    /// part hidden in one indicator must not be recoverable from the others.
    /// </summary>
    public static void SuppressGroup(SuppressionGroup group, IDictionary<string, RawValue> raws, IDictionary<string, Published> published)
    {
        if (!group.Members.All(raws.ContainsKey) || group.Members.Any(m => raws[m].Numerator is null))
        {
            return;
        }
        var total = raws[group.Total].Numerator!.Value;
        var parts = group.Parts.Select(p => raws[p].Numerator!.Value).ToList();
        if (parts.Sum() != total || parts.Any(p => p < 0))
        {
            return; // inconsistent source records: each member keeps its own suppression (and its data-quality flag)
        }
        var (shownTotal, shownParts) = SmallNumberSuppression.Breakdown(total, parts,
            group.Parts.Select(p => published[p].Numerator.Suppressed).ToList(), published[group.Total].Numerator.Suppressed);
        if (shownTotal.Suppressed)
        {
            published[group.Total] = published[group.Total] with { Numerator = SuppressedCount.Hidden, Value = null };
        }
        for (var i = 0; i < group.Parts.Count; i++)
        {
            if (shownParts[i].Suppressed)
            {
                published[group.Parts[i]] = published[group.Parts[i]] with { Numerator = SuppressedCount.Hidden, Value = null };
            }
        }
    }

    public static IndicatorResult ToResult(IndicatorDefinition indicator, ReportingPeriod period, Published current, RawValue raw, decimal? previousValue) =>
        new(indicator.Id, indicator.ActionId, indicator.Title, indicator.Unit, indicator.Polarity,
            new PeriodDto(period.Label, period.From, period.To), current.Numerator, current.Denominator, current.Value, raw.AsAt)
        {
            Priority = indicator.Priority,
            SourceKind = indicator.Source.Kind,
            Baseline = indicator.Baseline,
            BaselineValue = indicator.BaselineValue,
            Target = indicator.Target,
            TargetValue = indicator.TargetValue,
            Rag = RagRules.Status(current.Value, indicator.TargetValue, indicator.Polarity, indicator.IsPercentage, indicator.Tolerance),
            PreviousValue = previousValue,
            Trend = RagRules.Trend(current.Value, previousValue, indicator.Polarity, indicator.IsPercentage),
            ReviewFlags = DataQualityFlag(indicator, raw) is { } fault ? [.. ReviewFlags.For(indicator), fault] : ReviewFlags.For(indicator),
        };
}
