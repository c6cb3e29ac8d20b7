using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnership.AppHost;

namespace Partnership.AppHost.Tests;

/// <summary>
/// The running platform, started once per test assembly through the real AppHost. Its state directory, epmd and
/// Erlang distribution ports and service ports differ from a developer's AppHost, so both can run at the same time.
/// End-to-end tests take this fixture in their constructor (xunit assembly fixture).
/// </summary>
public sealed class PartnershipAppFixture : IAsyncLifetime
{
    /// <summary>
    /// Generous: a cold first start initialises PostgreSQL and RabbitMQ and runs every service's migrations, with nine
    /// services starting at once on two cores (about 80 s here when the machine is busy). The gateway starts only once
    /// every service is healthy, so on a machine at load 60–100 it was still starting at 5 minutes; hence 8.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PARTNERSHIP_APPHOST_START_TIMEOUT_SECONDS"), out var seconds) ? seconds : 480);

    private DistributedApplication? app;

    public DistributedApplication App => app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>Names of the project resources (services and gateway) in the running model.</summary>
    public IReadOnlyList<string> ProjectNames { get; private set; } = [];

    public HttpClient CreateGatewayClient() => CreateHttpClient("gateway");

    public HttpClient CreateIdentityClient() => CreateHttpClient("identity");

    /// <summary>A client whose base address is <paramref name="resourceName"/>'s http endpoint.</summary>
    public HttpClient CreateHttpClient(string resourceName) => App.CreateHttpClient(resourceName, "http");

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var stateDirectory = Environment.GetEnvironmentVariable("PARTNERSHIP_APPHOST_TEST_STATE")
            ?? Path.Combine(RepositoryRoot(), ".state", "apphost-test");
        var epmdPort = int.TryParse(Environment.GetEnvironmentVariable("PARTNERSHIP_APPHOST_TEST_EPMD_PORT"), out var p) ? p : 24379;

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Partnership_AppHost>(
            [
                $"Partnership:StateDirectory={stateDirectory}",
                $"Partnership:EpmdPort={epmdPort}",
                $"Partnership:ErlangDistributionPort={epmdPort + 1}",
                "Partnership:GatewayPort=0",
                "Partnership:FixedServicePorts=false",
            ],
            timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            // Every resource fails its health check until it has started; the wait below reports one that never does.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));

        // The services run from the test build's output rather than through dotnet run (BuiltProjectLaunch says why).
        BuiltProjectLaunch.UseBuildOutput(builder);
        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var running = ResourceReadiness.LongRunning(model);
        ProjectNames = running.OfType<ProjectResource>().Select(r => r.Name).ToList();
        try
        {
            await ResourceReadiness.WaitUntilHealthyAsync(app, running.Select(r => r.Name), timeout.Token);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Start timeout: {StartTimeout}.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await PlatformShutdown.StopAsync(app, TimeSpan.FromSeconds(30));
            await app.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Partnership.sln not found above " + AppContext.BaseDirectory);
    }
}
