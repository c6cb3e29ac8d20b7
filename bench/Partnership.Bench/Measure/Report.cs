using System.Text;

namespace Partnership.Bench.Measure;

/// <summary>The markdown the bench prints and saves: sections of tables with the notes that say what limits each figure.</summary>
public sealed class Report
{
    private readonly StringBuilder text = new();

    public void Heading(string title) => Line($"\n## {title}\n");

    public void Line(string line)
    {
        text.AppendLine(line);
        Console.WriteLine(line);
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
        Line("");
    }

    public void Note(string note) => Line($"- {note}");

    public override string ToString() => text.ToString();

    public static string Rate(double perSecond) => perSecond >= 1000 ? $"{perSecond:N0}/s" : $"{perSecond:F1}/s";

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms >= 1000 ? $"{ms / 1000:F2} s" : $"{ms:F0} ms";

    public static string Ratio(double ratio, double target) =>
        $"{ratio:P0} ({(ratio >= target ? "meets" : "below")} ≥{target:P0})";
}
