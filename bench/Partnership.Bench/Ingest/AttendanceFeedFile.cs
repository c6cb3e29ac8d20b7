using System.Text;

namespace Partnership.Bench.Ingest;

/// <summary>A deterministic synthetic CSV feed: every child has a mark for each session of consecutive school days.</summary>
public static class AttendanceFeedFile
{
    private static readonly string[] Marks = ["/", "\\", "/", "\\", "/", "\\", "/", "\\", "L", "B", "I", "M", "O", "G", "C", "E"];

    public static (string Path, long Rows, long Bytes) Write(string runTag, int children, int sessions)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bench-attendance-{runTag}.csv");
        var days = SchoolDays(new DateOnly(2025, 9, 1)).Take((sessions + 1) / 2).ToList();
        long rows = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.WriteLine("childKey,date,session,mark");
            for (var child = 0; child < children; child++)
            {
                var key = $"BENCH-{runTag}-{child}";
                for (var s = 0; s < sessions; s++)
                {
                    var day = days[s / 2];
                    var mark = Marks[(child * 31 + s * 7) % Marks.Length];
                    writer.Write(key);
                    writer.Write(',');
                    writer.Write(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    writer.Write(s % 2 == 0 ? ",AM," : ",PM,");
                    writer.WriteLine(mark);
                    rows++;
                }
            }
        }
        return (path, rows, new FileInfo(path).Length);
    }

    private static IEnumerable<DateOnly> SchoolDays(DateOnly from)
    {
        for (var d = from; ; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return d;
            }
        }
    }
}
