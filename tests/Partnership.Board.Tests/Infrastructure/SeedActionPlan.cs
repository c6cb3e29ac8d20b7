using System.Text.RegularExpressions;
using Partnership.Testing;

namespace Partnership.Board.Tests.Infrastructure;

/// <summary>
/// An independent reading of the strategy's action-plan tables, straight from the seed file, to hold the catalogue
/// against: each action row, and each continuation row (first cell empty) that carries an indicator.
/// </summary>
public static partial class SeedActionPlan
{
    public sealed record Line(string ActionId, string Text, string Baseline, string Target);

    public static string SeedPath =>
        Environment.GetEnvironmentVariable("PARTNERSHIP_SEEDS") is { Length: > 0 } dir
            ? Path.Combine(dir, "000_a54280a23169f2d5.txt")
            : File.Exists("/work/shared/seeds/000_a54280a23169f2d5.txt")
                ? "/work/shared/seeds/000_a54280a23169f2d5.txt"
                : Path.Combine(TestInfrastructure.RepositoryRoot(), "..", "shared", "seeds", "000_a54280a23169f2d5.txt");

    public static IReadOnlyList<Line> Lines()
    {
        var lines = File.ReadAllLines(SeedPath);
        var start = Array.FindLastIndex(lines, l => l.Trim() == "Strategic Action Plan");
        var end = Array.FindIndex(lines, start, l => l.StartsWith("Responsible Area\tLead Officer", StringComparison.Ordinal));
        var result = new List<Line>();
        string? action = null;
        foreach (var line in lines[start..end])
        {
            if (!line.Contains('\t') || line.StartsWith("Action\t", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }
            var cells = line.Split('\t').Select(c => c.Trim()).Concat(Enumerable.Repeat("", 6)).Take(6).ToArray();
            if (ActionCell().Match(cells[0]) is { Success: true } m)
            {
                action = m.Groups[1].Value;
                result.Add(new Line(action, cells[2], cells[3], cells[4]));
            }
            else if (cells[0].Length == 0 && cells[2].Length > 0 && action is not null)
            {
                result.Add(new Line(action, cells[2], cells[3], cells[4]));
            }
        }
        return result;
    }

    [GeneratedRegex(@"^(\d\.\d)\. ")]
    private static partial Regex ActionCell();
}
