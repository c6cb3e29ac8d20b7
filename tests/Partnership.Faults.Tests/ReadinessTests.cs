using System.Diagnostics;
using Partnership.Faults.Tests.Accounting;
using Partnership.Faults.Tests.Rig;

namespace Partnership.Faults.Tests;

/// <summary>/health is readiness: it must say "not ready" while a dependency is down, and "ready" again after.</summary>
[Collection(FaultsCollection.Name)]
[Trait("Category", "Faults")]
public sealed class ReadinessTests(FaultRig rig, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_goes_unhealthy_while_PostgreSQL_is_down_and_healthy_after()
    {
        await rig.BothHealthyAsync(Bound);
        var stopped = Stopwatch.StartNew();
        await rig.Infrastructure.StopPostgresAsync();
        try
        {
            var down = await Task.WhenAll(TimeTo(rig.Health, false, stopped), TimeTo(rig.Board, false, stopped));
            var started = Stopwatch.StartNew();
            await rig.Infrastructure.StartPostgresAsync();
            var up = await Task.WhenAll(TimeTo(rig.Health, true, started), TimeTo(rig.Board, true, started));
            Record("PostgreSQL", down, up);
        }
        finally
        {
            await rig.Infrastructure.StartPostgresAsync();
        }
    }

    [Fact]
    public async Task Health_goes_unhealthy_while_RabbitMQ_is_down_and_healthy_after()
    {
        await rig.BothHealthyAsync(Bound);
        var stopped = Stopwatch.StartNew();
        await rig.Infrastructure.StopRabbitMqAsync();
        try
        {
            var down = await Task.WhenAll(TimeTo(rig.Health, false, stopped), TimeTo(rig.Board, false, stopped));
            var started = Stopwatch.StartNew();
            await rig.Infrastructure.StartRabbitMqAsync();
            var up = await Task.WhenAll(TimeTo(rig.Health, true, started), TimeTo(rig.Board, true, started));
            Record("RabbitMQ", down, up);
        }
        finally
        {
            await rig.Infrastructure.StartRabbitMqAsync();
            await rig.BothHealthyAsync(Bound);
        }
    }

    private static async Task<TimeSpan> TimeTo(ServiceProcess service, bool healthy, Stopwatch since)
    {
        await service.WaitForHealthAsync(healthy, Bound);
        return since.Elapsed;
    }

    private void Record(string dependency, TimeSpan[] down, TimeSpan[] up)
    {
        string[] services = ["health", "board"];
        for (var i = 0; i < services.Length; i++)
        {
            var line = $"| {dependency} | {services[i]} | {FaultReport.Seconds(down[i])} | {FaultReport.Seconds(up[i])} |";
            rig.Report.AddReadiness(line);
            output.WriteLine(line);
        }
    }
}
