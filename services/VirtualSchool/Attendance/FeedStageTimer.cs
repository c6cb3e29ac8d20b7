using System.Diagnostics;
using System.Text;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// Wall time per stage of one feed import (streaming, merge, summaries and outbox, commit), logged at Debug so a slow
/// feed can be profiled from the service's own log without a profiler attached.
/// </summary>
public sealed class FeedStageTimer
{
    private readonly StringBuilder stages = new();
    private readonly Stopwatch total = Stopwatch.StartNew();
    private TimeSpan lastMark;

    public void Mark(string stage)
    {
        var now = total.Elapsed;
        stages.Append(stages.Length == 0 ? "" : ", ").Append(stage).Append(' ').Append((now - lastMark).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)).Append(" ms");
        lastMark = now;
    }

    public override string ToString() =>
        $"{stages} (total {total.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} ms)";
}
