using Partnership.Board.Export;

namespace Partnership.Board.Tests.Unit;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain, with comma", "\"plain, with comma\"")]
    [InlineData("Ensure children", "Ensure children")]
    public void Text_cells_cannot_become_formulas(string text, string expected) => Assert.Equal(expected, CsvTable.Cell(text));

    [Fact]
    public void Numbers_stay_numbers_and_rows_end_with_crlf()
    {
        var csv = new CsvTable("a", "b").Add(-1.5m, null).ToString();
        Assert.Equal("a,b\r\n-1.5,\r\n", csv);
    }
}
