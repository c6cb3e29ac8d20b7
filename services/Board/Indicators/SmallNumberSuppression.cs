namespace Partnership.Board.Indicators;

/// <summary>
/// Statistical disclosure control for published counts: counts of 1 to 4 are suppressed, and a second cell is
/// suppressed wherever the small one could be recovered by subtraction from a total.
/// </summary>
public static class SmallNumberSuppression
{
    public const int Threshold = 5;

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>
    /// A proportion numerator/denominator is a two-cell table (met, not met) with its total. The numerator is hidden
    /// when either cell is small, because with the total shown one cell gives away the other; the denominator is
    /// hidden only when it is itself small.
    /// </summary>
    public static (SuppressedCount Numerator, SuppressedCount Denominator) Proportion(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, numerator);
        var hideDenominator = IsSmall(denominator);
        var hideNumerator = hideDenominator || IsSmall(numerator) || IsSmall(denominator - numerator);
        return (hideNumerator ? SuppressedCount.Hidden : SuppressedCount.Shown(numerator),
                hideDenominator ? SuppressedCount.Hidden : SuppressedCount.Shown(denominator));
    }
}
