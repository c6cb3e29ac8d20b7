using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>Reads a JSON-lines feed ({"childKey","date","session","mark"} per line) line by line from the request stream.</summary>
public static class NdjsonAttendanceReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record JsonMark(string? ChildKey, string? Date, string? Session, string? Mark);

    public static async IAsyncEnumerable<AttendanceFeedLine> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonMark? mark;
            try
            {
                mark = JsonSerializer.Deserialize<JsonMark>(line, Options);
            }
            catch (JsonException)
            {
                mark = null;
            }
            yield return mark is null
                ? AttendanceFeedLine.Malformed(lineNumber, "row", "Each line must be one JSON object with childKey, date, session and mark.")
                : new AttendanceFeedLine(lineNumber, mark.ChildKey.AsMemory(), mark.Date.AsMemory(), mark.Session.AsMemory(), mark.Mark.AsMemory());
        }
    }
}
