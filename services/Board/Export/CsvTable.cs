using System.Globalization;
using System.Text;

namespace Partnership.Board.Export;

/// <summary>
/// A table written as RFC 4180 CSV. Text cells that a spreadsheet would read as a formula (starting with = + - @, tab
/// or carriage return) are prefixed with an apostrophe, so an exported file cannot run anything when opened; numbers
/// are written as numbers.
/// </summary>
public sealed class CsvTable(params string[] headers)
{
    private readonly List<object?[]> _rows = [];

    public CsvTable Add(params object?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var csv = new StringBuilder();
        Write(csv, headers);
        foreach (var row in _rows)
        {
            Write(csv, row);
        }
        return csv.ToString();
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal or int or long or double => Quote(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void Write(StringBuilder csv, IEnumerable<object?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }
}
