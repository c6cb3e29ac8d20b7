using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Api;

/// <summary>The board with the scenario's events delivered through the real broker, shared by the oracle tests.</summary>
public sealed class OracleFixture : IAsyncLifetime
{
    public BoardHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.PublishAndWaitAsync(Scenario.AgencyEvents());
        await Host.PublishAndWaitAsync(Scenario.OldImportEvents());
        await Host.PublishAndWaitAsync(Scenario.NewImportEvents());
        await Host.PublishAndWaitAsync([Scenario.Straggler()]);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
