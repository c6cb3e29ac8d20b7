using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Results;

/// <summary>The board with the scenario's agency events delivered through the real broker.</summary>
public sealed class StoredResultsFixture : IAsyncLifetime
{
    public BoardHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.PublishAndWaitAsync(Scenario.AgencyEvents());
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
