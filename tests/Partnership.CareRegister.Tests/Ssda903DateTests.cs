using System.Globalization;
using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

/// <summary>The importer reads dd/mm/yyyy dates without the general parser; what it accepts must not change.</summary>
public sealed class Ssda903DateTests
{
    [Theory]
    [InlineData("01/04/2024")]
    [InlineData("31/03/2025")]
    [InlineData("29/02/2024")]
    [InlineData("29/02/2023")] // not a leap year
    [InlineData("31/04/2024")]
    [InlineData("00/01/2024")]
    [InlineData("01/00/2024")]
    [InlineData("01/13/2024")]
    [InlineData("01/01/0000")]
    [InlineData("01/01/0001")]
    [InlineData("31/12/9999")]
    [InlineData("1/4/2024")]
    [InlineData("01-04-2024")]
    [InlineData("2024-04-01")]
    [InlineData("0a/04/2024")]
    [InlineData("01/04/20245")]
    [InlineData("01/04/24")]
    [InlineData(" 1/04/2024")]
    [InlineData("")]
    [InlineData(null)]
    public void A_date_is_what_the_general_dd_mm_yyyy_parser_accepts(string? text)
    {
        var expected = DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate);
        Assert.Equal(expected, Ssda903Year.TryParseDate(text, out var date));
        Assert.Equal(expectedDate, date);
    }
}
