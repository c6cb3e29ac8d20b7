using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Tests.Unit;

public sealed class ValueRoundingTests
{
    [Theory]
    // Halves round away from zero, as published statistics and spreadsheets do (banker's rounding would give 31.2).
    [InlineData(MeasureShape.Percentage, 5, 16, 31.3)]
    [InlineData(MeasureShape.Percentage, 1, 3, 33.3)]
    [InlineData(MeasureShape.AverageDays, 21, 20, 1.1)]
    [InlineData(MeasureShape.AverageDays, 25, 20, 1.3)]
    public void One_decimal_place_with_halves_rounded_up(MeasureShape shape, long numerator, long denominator, double expected)
    {
        Assert.Equal((decimal)expected, IndicatorCalculator.ValueOf(shape, new MeasureCounts(numerator, denominator)));
    }
}
