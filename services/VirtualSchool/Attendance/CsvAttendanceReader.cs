using System.Runtime.CompilerServices;
using System.Text;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Reads a CSV feed line by line from the request stream. The first line names the columns (childKey or child_key,
/// date, session, mark, in any order; other columns are ignored). Values may be wrapped in double quotes; none of
/// the four fields can contain a comma, so quoted commas are not supported.
/// </summary>
public static class CsvAttendanceReader
{
    private static readonly string[] Columns = ["childkey", "date", "session", "mark"];

    public static async IAsyncEnumerable<AttendanceFeedLine> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var header = await reader.ReadLineAsync(ct);
        if (header is null)
        {
            yield break;
        }

        var names = header.Split(',').Select(n => Unquote(n.AsMemory()).ToString().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()).ToArray();
        var positions = Columns.Select(c => Array.IndexOf(names, c)).ToArray();
        if (positions.Any(p => p < 0))
        {
            yield return AttendanceFeedLine.Malformed(1, "header", "The first line must name the columns childKey, date, session and mark.");
            yield break;
        }

        var fields = new ReadOnlyMemory<char>[names.Length];
        long lineNumber = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!Split(line.AsMemory(), fields))
            {
                yield return AttendanceFeedLine.Malformed(lineNumber, "row", $"Expected {fields.Length} comma-separated values.");
                continue;
            }
            yield return new AttendanceFeedLine(lineNumber, fields[positions[0]], fields[positions[1]], fields[positions[2]], fields[positions[3]]);
        }
    }

    private static bool Split(ReadOnlyMemory<char> line, ReadOnlyMemory<char>[] fields)
    {
        var rest = line;
        for (var i = 0; i < fields.Length; i++)
        {
            var comma = rest.Span.IndexOf(',');
            var last = i == fields.Length - 1;
            if (last != (comma < 0))
            {
                return false;
            }
            fields[i] = Unquote(last ? rest : rest[..comma]);
            rest = last ? default : rest[(comma + 1)..];
        }
        return true;
    }

    private static ReadOnlyMemory<char> Unquote(ReadOnlyMemory<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && trimmed.Span[0] == '"' && trimmed.Span[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
