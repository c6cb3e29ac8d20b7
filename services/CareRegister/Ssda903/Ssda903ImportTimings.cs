using System.Diagnostics;
using System.Text;

namespace Partnership.CareRegister.Ssda903;

/// <summary>Wall and CPU milliseconds of an import's steps, for the Debug log: where a slow import spends its time.</summary>
public sealed class Ssda903ImportTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StringBuilder _steps = new();
    private TimeSpan _wall;
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public void Mark(string step)
    {
        var wall = _clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _steps.Append(_steps.Length == 0 ? "" : ", ").Append($"{step} {(wall - _wall).TotalMilliseconds:F0} ms (CPU {(cpu - _cpu).TotalMilliseconds:F0} ms)");
        _wall = wall;
        _cpu = cpu;
    }

    /// <summary>A remark on the last step, such as how its parts overlapped.</summary>
    public void Note(string remark) => _steps.Append(" [").Append(remark).Append(']');

    public override string ToString() => _steps.ToString();
}
