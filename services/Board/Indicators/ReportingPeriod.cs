namespace Partnership.Board.Indicators;

/// <summary>
/// A quarter, or the year to date, of a financial year that runs 1 April to 31 March (the SSDA903 collection year).
/// </summary>
public sealed record ReportingPeriod(int FinancialYear, int? Quarter)
{
    public DateOnly From => Quarter is { } q ? new DateOnly(FinancialYear, 4, 1).AddMonths(3 * (q - 1)) : new DateOnly(FinancialYear, 4, 1);

    public DateOnly To => Quarter is { } q ? From.AddMonths(3).AddDays(-1) : new DateOnly(FinancialYear + 1, 3, 31);

    public string Label => Quarter is { } q ? $"{FinancialYear}/{(FinancialYear + 1) % 100:D2} Q{q}" : $"{FinancialYear}/{(FinancialYear + 1) % 100:D2}";

    public ReportingPeriod Previous() => Quarter switch
    {
        null => new ReportingPeriod(FinancialYear - 1, null),
        1 => new ReportingPeriod(FinancialYear - 1, 4),
        { } q => new ReportingPeriod(FinancialYear, q - 1),
    };

    public static ReportingPeriod YearContaining(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1, null);

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public static ReportingPeriod QuarterContaining(DateOnly date)
    {
        var year = date.Month >= 4 ? date.Year : date.Year - 1;
        var quarter = ((date.Month + 8) % 12) / 3 + 1;
        return new ReportingPeriod(year, quarter);
    }

    public static bool IsValid(int financialYear, int? quarter) =>
        financialYear is >= 2000 and <= 2100 && quarter is null or (>= 1 and <= 4);
}
