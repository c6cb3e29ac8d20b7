using Partnership.Board.Indicators;

namespace Partnership.Board.Catalogue;

public sealed record ReviewFlag(string Code, string Reason);

/// <summary>
/// Flags an indicator whose source values need the board's attention. The rules run over the verbatim catalogue, so a
/// corrected plan file clears its flags without a code change; notes written into the plan file are kept as well.
/// </summary>
public static class ReviewFlags
{
    public const string TargetWorseThanBaseline = "target-worse-than-baseline";
    public const string BaselineNotNumeric = "baseline-not-numeric";
    public const string TargetNotNumeric = "target-not-numeric";
    public const string NoIndicatorInSource = "no-indicator-in-source";
    public const string Note = "note";
    /// <summary>Set per period by the publisher, not by these rules: the period's source records are inconsistent.</summary>
    public const string DataQuality = "data-quality";

    public static IReadOnlyList<ReviewFlag> For(IndicatorDefinition indicator)
    {
        var flags = new List<ReviewFlag>();
        if (indicator is { BaselineValue: { } baseline, TargetValue: { } target } && Compare.IsWorse(target, baseline, indicator.Polarity))
        {
            var better = indicator.Polarity == Polarity.HigherIsBetter ? "higher" : "lower";
            flags.Add(new(TargetWorseThanBaseline,
                $"The target ({indicator.Target}) is worse than the baseline ({indicator.Baseline}) although {better} is better."));
        }
        if (indicator.BaselineValue is null && !string.IsNullOrWhiteSpace(indicator.Baseline))
        {
            flags.Add(new(BaselineNotNumeric, $"The baseline is not a number: \"{indicator.Baseline}\"."));
        }
        if (indicator.TargetValue is null && !string.IsNullOrWhiteSpace(indicator.Target))
        {
            flags.Add(new(TargetNotNumeric, $"The target is not a number: \"{indicator.Target}\"; no RAG status is given."));
        }
        if (string.IsNullOrWhiteSpace(indicator.Text))
        {
            flags.Add(new(NoIndicatorInSource, "The source gives no performance indicator for this action."));
        }
        flags.AddRange(indicator.ReviewNotes.Select(n => new ReviewFlag(Note, n)));
        return flags;
    }
}
