using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.Missing.V1;
using Partnership.ServiceDefaults.Persistence;
using Partnership.Sharing.Agreements;
using Partnership.Sharing.Data;
using Partnership.Sharing.Hosting;
using Partnership.Sharing.Routing;

namespace Partnership.Bench.Pipeline;

/// <summary>
/// The sharing service's decisions for a completed assessment or a missing episode's start, in this process: the same
/// rules, agreement lines, audit chains and inbox rows (<see cref="HealthAssessmentSharing"/> and
/// <see cref="MissingEpisodeSharing"/> through the service's own registrations), in one transaction per event, without
/// the consumer's inbox row (a monolith receives no duplicates to absorb).
/// </summary>
public sealed class MonolithSharing : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private MonolithSharing(ServiceProvider services) => this.services = services;

    public static async Task<MonolithSharing> CreateAsync(string connectionString)
    {
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(TimeProvider.System)
            .AddDbContextPool<SharingDbContext>(o => o.UseNpgsql(PostgresConnectionSettings.ForService(connectionString)))
            .AddSharingDecisions(SharingOptions.DevelopmentBoardPseudonymKey);
        var sharing = new MonolithSharing(collection.BuildServiceProvider());
        await using var scope = sharing.services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SharingDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<AgreementLoader>().LoadAsync(CancellationToken.None);
        return sharing;
    }

    public Task RouteAsync(HealthAssessmentCompleted completed) =>
        InTransactionAsync<HealthAssessmentSharing>(sharing => sharing.RouteAsync(completed, CancellationToken.None));

    public Task RouteAsync(MissingEpisodeStarted started) =>
        InTransactionAsync<MissingEpisodeSharing>(sharing => sharing.RouteAsync(started, CancellationToken.None));

    private async Task InTransactionAsync<TRouting>(Func<TRouting, Task> route)
        where TRouting : notnull
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await route(scope.ServiceProvider.GetRequiredService<TRouting>());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
