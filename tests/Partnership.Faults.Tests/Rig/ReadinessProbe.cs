using System.Diagnostics;
using Partnership.Faults.Tests.Accounting;

namespace Partnership.Faults.Tests.Rig;

/// <summary>
/// Times both services' /health through a dependency outage: from the moment the dependency is down until each says
/// "not ready", and from the moment it is back until each says "ready" again. Records a readiness row per service.
/// </summary>
public static class ReadinessProbe
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Call with the dependency already stopped; <paramref name="restart"/> brings it back.</summary>
    public static async Task MeasureAsync(FaultRig rig, string dependency, ITestOutputHelper output, Func<Task> restart)
    {
        var down = Stopwatch.StartNew();
        var unhealthy = await Task.WhenAll(TimeTo(rig.Health, false, down), TimeTo(rig.Board, false, down));
        await restart();
        var up = Stopwatch.StartNew();
        var healthy = await Task.WhenAll(TimeTo(rig.Health, true, up), TimeTo(rig.Board, true, up));

        string[] services = ["health", "board"];
        for (var i = 0; i < services.Length; i++)
        {
            var line = $"| {dependency} | {services[i]} | {Shown(unhealthy[i])} | {Shown(healthy[i])} |";
            rig.Report.AddReadiness(line);
            output.WriteLine(line);
        }
        for (var i = 0; i < services.Length; i++)
        {
            Assert.True(unhealthy[i].After is not null, $"{services[i]} /health stayed healthy with {dependency} down; last answer: {unhealthy[i].Last}");
            Assert.True(healthy[i].After is not null, $"{services[i]} /health did not recover after {dependency} came back; last answer: {healthy[i].Last}");
        }
    }

    /// <summary>How long until /health says so; null (with the last answer) if it never did within the bound.</summary>
    private static async Task<(TimeSpan? After, string Last)> TimeTo(ServiceProcess service, bool healthy, Stopwatch since)
    {
        try
        {
            await service.WaitForHealthAsync(healthy, Bound);
            return (since.Elapsed, service.LastHealth);
        }
        catch (TimeoutException)
        {
            return (null, service.LastHealth);
        }
    }

    private static string Shown((TimeSpan? After, string Last) result) =>
        result.After is { } after ? after.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s" : $"never within {Bound.TotalSeconds:0} s";
}
