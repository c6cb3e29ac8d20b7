namespace Partnership.Board.Indicators;

/// <summary>
/// Statistical disclosure control for published counts: counts of 1 to 4 are suppressed, and a second cell is
/// suppressed wherever the small one could be recovered by subtraction from a total.
/// </summary>
public static class SmallNumberSuppression
{
    public const int Threshold = 5;

    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    /// <summary>A single published count of children.</summary>
    public static SuppressedCount Single(long count) =>
        IsSmall(count) ? SuppressedCount.Hidden : SuppressedCount.Shown(checked((int)count));

    /// <summary>
    /// Whether a numerator and denominator can be a share: none met can be fewer than none, nor more than all. Any other
    /// pair comes from inconsistent source records (absences recorded beyond the possible sessions, say).
    /// </summary>
    public static bool IsConsistentProportion(long numerator, long denominator) => numerator >= 0 && numerator <= denominator;

    /// <summary>
    /// A proportion numerator/denominator is a two-cell table (met, not met) with its total. The numerator is hidden
    /// when either cell is small, because with the total shown one cell gives away the other; the denominator is
    /// hidden only when it is itself small. An inconsistent pair has no "not met" cell to protect, so there each count
    /// is judged on its own (the numerator still hidden with a hidden denominator); it is the caller's job to withhold
    /// the value, which would be no share at all.
    /// </summary>
    public static (SuppressedCount Numerator, SuppressedCount Denominator) Proportion(int numerator, int denominator)
    {
        var hideDenominator = IsSmall(denominator);
        var complementSmall = IsConsistentProportion(numerator, denominator) && IsSmall(denominator - numerator);
        var hideNumerator = hideDenominator || IsSmall(numerator) || complementSmall;
        return (hideNumerator ? SuppressedCount.Hidden : SuppressedCount.Shown(numerator),
                hideDenominator ? SuppressedCount.Hidden : SuppressedCount.Shown(denominator));
    }

    /// <summary>
    /// A breakdown of a total into parts (absence into authorised and unauthorised, discharges by order type).
    /// Small cells are hidden first; then, while the total is shown and what is hidden could be recovered, the smallest
    /// shown part is hidden as well: a single hidden part equals the total minus the shown ones, and several hidden parts
    /// whose sum is small give that small sum away. A small total hides everything.
    /// </summary>
    /// <param name="alreadyHidden">Parts hidden by another table they also appear in (so the rules compose).</param>
    public static (SuppressedCount Total, IReadOnlyList<SuppressedCount> Parts) Breakdown(
        long total, IReadOnlyList<long> parts, IReadOnlyList<bool>? alreadyHidden = null, bool totalHidden = false)
    {
        if (parts.Any(p => p < 0) || parts.Sum() != total)
        {
            throw new ArgumentException("Parts must be non-negative and add up to the total.", nameof(parts));
        }
        var hideTotal = totalHidden || IsSmall(total);
        var hidden = parts.Select((p, i) => hideTotal || IsSmall(p) || (alreadyHidden?[i] ?? false)).ToArray();

        while (!hideTotal && RecoverableSmall(parts, hidden))
        {
            var next = Enumerable.Range(0, parts.Count)
                .Where(i => !hidden[i])
                .OrderBy(i => parts[i] == 0 ? 1 : 0) // a zero gives least cover: prefer a non-zero part
                .ThenBy(i => parts[i])
                .Cast<int?>()
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }
            hidden[next.Value] = true;
        }

        var shownTotal = hideTotal ? SuppressedCount.Hidden : SuppressedCount.Shown(checked((int)total));
        return (shownTotal, parts.Select((p, i) => hidden[i] ? SuppressedCount.Hidden : SuppressedCount.Shown(checked((int)p))).ToList());
    }

    private static bool RecoverableSmall(IReadOnlyList<long> parts, bool[] hidden)
    {
        var hiddenCount = hidden.Count(h => h);
        if (hiddenCount == 0)
        {
            return false;
        }
        var hiddenSum = parts.Where((_, i) => hidden[i]).Sum();
        return hiddenCount == 1 ? hiddenSum > 0 : IsSmall(hiddenSum);
    }
}
