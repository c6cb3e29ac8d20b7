using Partnership.Board.Indicators;

namespace Partnership.Board.Tests.Unit;

public sealed class RagAndTrendTests
{
    [Theory]
    [InlineData(90, 90, RagStatus.Green)]
    [InlineData(95, 90, RagStatus.Green)]
    [InlineData(85, 90, RagStatus.Amber)]  // 5 points short: within the default tolerance
    [InlineData(84.9, 90, RagStatus.Red)]
    public void Higher_is_better_percentages(double value, double target, RagStatus expected) =>
        Assert.Equal(expected, RagRules.Status((decimal)value, (decimal)target, Polarity.HigherIsBetter, isPercentage: true));

    [Theory]
    [InlineData(5.0, 5.2, RagStatus.Green)]
    [InlineData(9.0, 5.2, RagStatus.Amber)]
    [InlineData(10.3, 5.2, RagStatus.Red)]
    public void Lower_is_better_percentages(double value, double target, RagStatus expected) =>
        Assert.Equal(expected, RagRules.Status((decimal)value, (decimal)target, Polarity.LowerIsBetter, isPercentage: true));

    [Fact]
    public void Counts_use_ten_percent_of_target_and_a_configured_tolerance_wins()
    {
        Assert.Equal(RagStatus.Amber, RagRules.Status(27, 30, Polarity.HigherIsBetter, isPercentage: false));
        Assert.Equal(RagStatus.Red, RagRules.Status(26, 30, Polarity.HigherIsBetter, isPercentage: false));
        Assert.Equal(RagStatus.Amber, RagRules.Status(80, 90, Polarity.HigherIsBetter, isPercentage: true, tolerance: 10));
        Assert.Equal(RagStatus.Red, RagRules.Status(89, 90, Polarity.HigherIsBetter, isPercentage: true, tolerance: 0.5m));
    }

    [Fact]
    public void No_target_means_monitor_and_no_value_means_no_data()
    {
        Assert.Equal(RagStatus.Monitor, RagRules.Status(50, null, Polarity.HigherIsBetter, true));
        Assert.Equal(RagStatus.NoData, RagRules.Status(null, 90, Polarity.HigherIsBetter, true));
    }

    [Theory]
    [InlineData(80, 70, Polarity.HigherIsBetter, Direction.Improving)]
    [InlineData(70, 80, Polarity.HigherIsBetter, Direction.Declining)]
    [InlineData(70, 80, Polarity.LowerIsBetter, Direction.Improving)]
    [InlineData(80, 70, Polarity.LowerIsBetter, Direction.Declining)]
    [InlineData(70.4, 70, Polarity.HigherIsBetter, Direction.Stable)]
    public void Trend_respects_polarity(double current, double previous, Polarity polarity, Direction expected) =>
        Assert.Equal(expected, RagRules.Trend((decimal)current, (decimal)previous, polarity, isPercentage: true));

    [Fact]
    public void Trend_needs_both_values() =>
        Assert.Equal(Direction.NotComparable, RagRules.Trend(50, null, Polarity.HigherIsBetter, true));

    [Fact]
    public void Previous_period_steps_back_over_the_year_boundary()
    {
        Assert.Equal(new ReportingPeriod(2015, 4), new ReportingPeriod(2016, 1).Previous());
        Assert.Equal(new ReportingPeriod(2016, 2), new ReportingPeriod(2016, 3).Previous());
        Assert.Equal(new ReportingPeriod(2015, null), new ReportingPeriod(2016, null).Previous());
    }
}
