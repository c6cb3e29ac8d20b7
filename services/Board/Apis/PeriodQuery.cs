using Partnership.Board.Indicators;

namespace Partnership.Board.Apis;

/// <summary>Reads ?year=&amp;quarter= (financial year by its start); without a year, the quarter containing today.</summary>
public static class PeriodQuery
{
    public static bool TryParse(int? year, int? quarter, TimeProvider clock, out ReportingPeriod period, out Dictionary<string, string[]> errors)
    {
        errors = [];
        period = year is { } y
            ? new ReportingPeriod(y, quarter)
            : quarter is { } q
                ? new ReportingPeriod(ReportingPeriod.YearContaining(Today(clock)).FinancialYear, q)
                : ReportingPeriod.QuarterContaining(Today(clock));
        if (year is not null and not (>= 2000 and <= 2100))
        {
            errors["year"] = ["'year' must be a financial year start between 2000 and 2100."];
        }
        if (quarter is not null and not (>= 1 and <= 4))
        {
            errors["quarter"] = ["'quarter' must be 1 to 4, or omitted for the whole year."];
        }
        return errors.Count == 0;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
