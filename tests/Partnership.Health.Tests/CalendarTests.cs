using Partnership.Health.Domain;

namespace Partnership.Health.Tests;

public sealed class CalendarTests
{
    [Theory]
    // Good Friday (3 Apr) and Easter Monday (6 Apr) 2026 fall in range: two days later than weekends alone would give.
    [InlineData("2026-03-30", "2026-04-29")]
    // Entering care at a weekend: the first working day after it is day one.
    [InlineData("2026-03-28", "2026-04-28")]
    // No bank holiday in range: four weeks exactly.
    [InlineData("2026-06-01", "2026-06-29")]
    // Christmas 2026 (Boxing Day's substitute on Monday 28 Dec) and New Year's Day 2027.
    [InlineData("2026-12-18", "2027-01-20")]
    public void The_initial_assessment_is_due_20_working_days_after_entering_care(string entered, string due) =>
        Assert.Equal(DateOnly.Parse(due), AssessmentTimescales.InitialDue(DateOnly.Parse(entered)));

    [Fact]
    public void Without_holidays_the_same_span_would_end_earlier()
    {
        var weekdaysOnly = DateOnly.Parse("2026-03-30");
        for (var counted = 0; counted < 20;)
        {
            weekdaysOnly = weekdaysOnly.AddDays(1);
            counted += weekdaysOnly.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        Assert.True(AssessmentTimescales.InitialDue(DateOnly.Parse("2026-03-30")) > weekdaysOnly);
    }

    [Fact]
    public void Dates_beyond_the_known_bank_holidays_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWalesCalendar.AddWorkingDays(new DateOnly(2028, 12, 20), 20));
        Assert.False(AssessmentTimescales.CanComputeInitialDue(new DateOnly(2028, 12, 20)));
        Assert.False(AssessmentTimescales.CanComputeInitialDue(new DateOnly(2023, 6, 1)));
    }

    [Theory]
    [InlineData(0, "2026-07-15")]
    [InlineData(4, "2026-07-15")]
    [InlineData(5, "2027-01-15")]
    [InlineData(16, "2027-01-15")]
    public void Reviews_are_six_monthly_under_five_and_annual_from_five(int age, string due) =>
        Assert.Equal(DateOnly.Parse(due), AssessmentTimescales.NextReviewDue(new DateOnly(2026, 1, 15), age));
}
