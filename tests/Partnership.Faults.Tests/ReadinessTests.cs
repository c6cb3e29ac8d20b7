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
        await rig.Infrastructure.StopPostgresAsync();
        try
        {
            await ReadinessProbe.MeasureAsync(rig, "PostgreSQL", output, rig.Infrastructure.StartPostgresAsync);
        }
        finally
        {
            await rig.Infrastructure.StartPostgresAsync();
        }
    }

    // RabbitMQ's readiness is measured inside FaultAccountingTests' broker outage, which stops and starts it anyway:
    // each RabbitMQ cycle costs tens of seconds on a loaded two-core machine.
}
