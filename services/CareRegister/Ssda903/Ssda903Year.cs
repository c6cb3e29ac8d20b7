using System.Globalization;

namespace Partnership.CareRegister.Ssda903;

/// <summary>A collection year named by its end: 2025 runs from 1 April 2024 to 31 March 2025.</summary>
public readonly record struct Ssda903Year(int EndYear)
{
    public DateOnly Start => new(EndYear - 1, 4, 1);
    public DateOnly End => new(EndYear, 3, 31);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>SSDA903 dates are dd/mm/yyyy; anything else is not a date.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        // Nearly every date of a return has exactly this shape: read its digits directly (the general parser was a
        // visible share of an import's CPU). Any other text gets the general parser, so what is a date is unchanged.
        if (text is { Length: 10 } && text[2] == '/' && text[5] == '/'
            && Digits(text, 0, 2) is var day and >= 0 && Digits(text, 3, 2) is var month and >= 0 && Digits(text, 6, 4) is var year and >= 0)
        {
            if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }
            date = default;
            return false;
        }
        return DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>The ASCII digits text[start..start+count] as a number, or -1 when any is not one.</summary>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
