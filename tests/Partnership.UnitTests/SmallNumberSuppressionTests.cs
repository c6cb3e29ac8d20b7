using Partnership.Board.Indicators;

namespace Partnership.UnitTests;

public sealed class SmallNumberSuppressionTests
{
    [Theory]
    [InlineData(0, 0, false, false)]
    [InlineData(0, 20, false, false)]
    [InlineData(3, 20, true, false)]   // primary: 3 is small
    [InlineData(17, 20, true, false)]  // secondary: 20 - 17 = 3 would be recoverable
    [InlineData(20, 20, false, false)] // complement 0 is not a disclosure
    [InlineData(5, 20, false, false)]
    [InlineData(2, 4, true, true)]     // small total
    [InlineData(0, 4, true, true)]
    public void Proportion_suppresses_small_cells_and_their_complements(int numerator, int denominator, bool hideNumerator, bool hideDenominator)
    {
        var (n, d) = SmallNumberSuppression.Proportion(numerator, denominator);
        Assert.Equal(hideNumerator, n.Suppressed);
        Assert.Equal(hideDenominator, d.Suppressed);
        Assert.Equal(hideNumerator ? null : numerator, n.Value);
        Assert.Equal(hideDenominator ? null : denominator, d.Value);
    }

    [Fact]
    public void No_published_cell_lets_a_small_count_be_recovered()
    {
        for (var d = 0; d <= 30; d++)
        {
            for (var n = 0; n <= d; n++)
            {
                var (num, den) = SmallNumberSuppression.Proportion(n, d);
                if (num.Value is { } shownN && den.Value is { } shownD)
                {
                    Assert.False(SmallNumberSuppression.IsSmall(shownN));
                    Assert.False(SmallNumberSuppression.IsSmall(shownD - shownN));
                }
                Assert.False(den.Value is { } v && SmallNumberSuppression.IsSmall(v));
            }
        }
    }
}
