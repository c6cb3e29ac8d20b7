using Partnership.Board.Indicators;

namespace Partnership.UnitTests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-04-01", 2026, 1)]
    [InlineData("2026-06-30", 2026, 1)]
    [InlineData("2026-07-01", 2026, 2)]
    [InlineData("2026-12-31", 2026, 3)]
    [InlineData("2027-01-01", 2026, 4)]
    [InlineData("2027-03-31", 2026, 4)]
    public void Quarters_follow_the_financial_year_ending_31_March(string date, int year, int quarter)
    {
        var period = ReportingPeriod.QuarterContaining(DateOnly.Parse(date));
        Assert.Equal(new ReportingPeriod(year, quarter), period);
        Assert.True(period.Contains(DateOnly.Parse(date)));
    }

    [Fact]
    public void Quarter_bounds_and_label()
    {
        var q4 = new ReportingPeriod(2016, 4);
        Assert.Equal(new DateOnly(2017, 1, 1), q4.From);
        Assert.Equal(new DateOnly(2017, 3, 31), q4.To);
        Assert.Equal("2016/17 Q4", q4.Label);
    }

    [Fact]
    public void Whole_year_runs_april_to_march()
    {
        var year = new ReportingPeriod(2015, null);
        Assert.Equal(new DateOnly(2015, 4, 1), year.From);
        Assert.Equal(new DateOnly(2016, 3, 31), year.To);
        Assert.Equal("2015/16", year.Label);
    }

    [Theory]
    [InlineData(2026, 0, false)]
    [InlineData(2026, 5, false)]
    [InlineData(1999, 1, false)]
    [InlineData(2026, 4, true)]
    public void Validity(int year, int quarter, bool valid) => Assert.Equal(valid, ReportingPeriod.IsValid(year, quarter));
}
