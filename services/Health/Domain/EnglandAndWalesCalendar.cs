namespace Partnership.Health.Domain;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. The table covers the years the service
/// supports; a date outside them is refused rather than silently counted without its holidays.
/// Source: the published England and Wales bank holidays, substitute days included.
/// </summary>
public static class EnglandAndWalesCalendar
{
    public const int FirstSupportedYear = 2024;
    public const int LastSupportedYear = 2028;

    private static readonly HashSet<DateOnly> BankHolidays =
    [
        new(2024, 1, 1), new(2024, 3, 29), new(2024, 4, 1), new(2024, 5, 6), new(2024, 5, 27), new(2024, 8, 26), new(2024, 12, 25), new(2024, 12, 26),
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
        new(2028, 1, 3), new(2028, 4, 14), new(2028, 4, 17), new(2028, 5, 1), new(2028, 5, 29), new(2028, 8, 28), new(2028, 12, 25), new(2028, 12, 26),
    ];

    public static bool IsSupported(DateOnly date) => date.Year is >= FirstSupportedYear and <= LastSupportedYear;

    public static bool IsBankHoliday(DateOnly date) => BankHolidays.Contains(date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>; the start day itself is
    /// day zero, so entering care on a Monday makes the next day working day one.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (!IsSupported(date))
            {
                throw new ArgumentOutOfRangeException(nameof(start), $"Bank holidays are only known for {FirstSupportedYear}–{LastSupportedYear}.");
            }
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }
}
