using System.Globalization;

namespace Partnership.Bench.Measure;

/// <summary>
/// The machine as a reader needs it to judge a figure: cores, memory, load average, and how busy all CPUs were over a
/// measured interval (from /proc/stat), so time other engineers' builds took from a run is visible beside it.
/// </summary>
public static class MachineLoad
{
    public static string Describe()
    {
        var memKb = ReadMeminfo("MemTotal");
        return $"nproc {Environment.ProcessorCount}, memory {memKb / 1024.0 / 1024.0:F1} GiB, load average {LoadAverage()}";
    }

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]} (1/5/15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static double OneMinuteLoad() =>
        double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    /// <summary>Jiffies (busy, total) summed over all CPUs.</summary>
    public static (long Busy, long Total) CpuJiffies()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    private static long ReadMeminfo(string key)
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
