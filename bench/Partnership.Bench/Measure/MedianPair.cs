namespace Partnership.Bench.Measure;

/// <summary>
/// Platform-and-baseline pairs measured one after the other: the ratio is taken within each pair, so drift in the
/// machine's load between the first pair and the last moves both sides of a ratio, and the median pair is the headline.
/// </summary>
public static class MedianPair
{
    /// <summary>The pair with the median ratio, and the text giving how many pairs there were and their range (none for one pair).</summary>
    public static (T Median, string Spread) Of<T>(IReadOnlyList<T> pairs, Func<T, double> ratio)
    {
        var ordered = pairs.OrderBy(ratio).ToList();
        var spread = ordered.Count > 1 ? $" (median of {ordered.Count} pairs; range {ratio(ordered[0]):P0}–{ratio(ordered[^1]):P0})" : "";
        return (ordered[ordered.Count / 2], spread);
    }
}
