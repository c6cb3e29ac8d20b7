using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Wall time and this process's CPU time per stage of one feed import (streaming, merge, summaries and outbox,
/// commit), logged at Debug so a slow feed can be profiled from the service's own log without a profiler attached.
/// Where wall time far exceeds CPU, the stage was waiting: on PostgreSQL, on the request body, or for a CPU.
/// The CPU figure is the whole process's, so concurrent requests show up in it too.
/// </summary>
public sealed class FeedStageTimer
{
    private readonly StringBuilder stages = new();
    private readonly Stopwatch total = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = Environment.CpuUsage.TotalTime;
    private TimeSpan lastWall;
    private TimeSpan lastCpu;

    public FeedStageTimer() => lastCpu = cpuAtStart;

    public void Mark(string stage)
    {
        var (wall, cpu) = (total.Elapsed, Environment.CpuUsage.TotalTime);
        stages.Append(stages.Length == 0 ? "" : ", ")
            .Append(CultureInfo.InvariantCulture, $"{stage} {(wall - lastWall).TotalMilliseconds:F0} ms (CPU {(cpu - lastCpu).TotalMilliseconds:F0} ms)");
        (lastWall, lastCpu) = (wall, cpu);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{stages}; total {total.Elapsed.TotalMilliseconds:F0} ms (CPU {(Environment.CpuUsage.TotalTime - cpuAtStart).TotalMilliseconds:F0} ms)");
}
