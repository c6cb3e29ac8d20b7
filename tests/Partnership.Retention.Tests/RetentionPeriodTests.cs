using Partnership.ServiceDefaults.Retention;

namespace Partnership.Retention.Tests;

/// <summary>Where each kind of period puts its cutoff, and how a cutoff reads against each kind of column.</summary>
public sealed class RetentionPeriodTests
{
    private static readonly DateTimeOffset November2026 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Current_plus_two_reporting_years_keeps_from_April_two_years_before_the_current_year()
    {
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), RetentionPeriod.ReportingYears(2).CutoffAt(November2026));
        // On 31 March the current reporting year is still the one that began the April before.
        Assert.Equal(new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero),
            RetentionPeriod.ReportingYears(2).CutoffAt(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
            RetentionPeriod.ReportingYears(2).CutoffAt(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Days_and_years_count_back_from_now()
    {
        Assert.Equal(November2026.AddDays(-7), RetentionPeriod.Days(7).CutoffAt(November2026));
        Assert.Equal(new DateTimeOffset(2023, 11, 26, 12, 0, 0, TimeSpan.Zero), RetentionPeriod.Years(3).CutoffAt(November2026));
    }

    [Fact]
    public void A_year_named_by_its_end_is_past_only_when_it_ended_before_the_cutoff()
    {
        var collectionYear = RetentionColumn.YearEnding("collection_year");
        // Cutoff 1 April 2024: the year ending March 2024 is wholly before it, the year ending March 2025 is not.
        Assert.Equal(2025, collectionYear.CutoffValue(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero)));
        // Cutoff 26 November 2023: the year ending March 2024 is still running on that day.
        Assert.Equal(2024, collectionYear.CutoffValue(new DateTimeOffset(2023, 11, 26, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2023, collectionYear.CutoffValue(new DateTimeOffset(2023, 3, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Dates_and_timestamps_compare_with_the_cutoff_in_UTC()
    {
        var lateEveningWest = new DateTimeOffset(2023, 11, 26, 23, 30, 0, TimeSpan.FromHours(-1));
        Assert.Equal(new DateOnly(2023, 11, 27), RetentionColumn.Date("date").CutoffValue(lateEveningWest));
        // Npgsql writes timestamptz parameters only with a zero offset.
        var instant = Assert.IsType<DateTimeOffset>(RetentionColumn.Timestamp("at").CutoffValue(lateEveningWest));
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(lateEveningWest, instant);
    }

    [Theory]
    [InlineData("30 days")]
    [InlineData("1 day")]
    [InlineData("3 years")]
    [InlineData("current + 7 reporting years")]
    public void The_configuration_text_of_a_period_reads_back_as_written(string text)
    {
        Assert.Equal(text, RetentionPeriod.Parse(text).ToString());
    }

    [Theory]
    [InlineData("7 reporting years")]
    [InlineData("current + 3 years")]
    [InlineData("-1 days")]
    [InlineData("soon")]
    [InlineData("P30D")]
    public void Anything_else_is_not_a_period(string text)
    {
        Assert.Throws<FormatException>(() => RetentionPeriod.Parse(text));
    }
}
