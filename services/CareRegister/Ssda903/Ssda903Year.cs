using System.Globalization;

namespace Partnership.CareRegister.Ssda903;

/// <summary>A collection year named by its end: 2025 runs from 1 April 2024 to 31 March 2025.</summary>
public readonly record struct Ssda903Year(int EndYear)
{
    public DateOnly Start => new(EndYear - 1, 4, 1);
    public DateOnly End => new(EndYear, 3, 31);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>SSDA903 dates are dd/mm/yyyy; anything else is not a date.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
