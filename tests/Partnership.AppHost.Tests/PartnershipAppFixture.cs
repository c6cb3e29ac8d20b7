using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Partnership.AppHost.Tests;

/// <summary>
/// The running platform, started once per test assembly through the real AppHost. Its state directory, epmd and
/// Erlang distribution ports and service ports differ from a developer's AppHost, so both can run at the same time.
/// End-to-end tests take this fixture in their constructor (xunit assembly fixture).
/// </summary>
public sealed class PartnershipAppFixture : IAsyncLifetime
{
    /// <summary>Generous: a cold first start initialises PostgreSQL and RabbitMQ and runs every service's migrations.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

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
        var epmdPort = int.TryParse(Environment.GetEnvironmentVariable("PARTNERSHIP_APPHOST_TEST_EPMD_PORT"), out var p) ? p : 44379;

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
            .AddFilter("Aspire.Hosting", LogLevel.Warning));

        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        // Databases and connection strings have no process of their own; everything that runs must become healthy.
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var running = model.Resources.Where(r => r is ProjectResource or ExecutableResource).ToList();
        ProjectNames = running.OfType<ProjectResource>().Select(r => r.Name).ToList();
        await Task.WhenAll(running.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, timeout.Token)));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
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
