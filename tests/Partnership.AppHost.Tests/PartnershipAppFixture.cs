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

        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        // Databases and connection strings have no process of their own, and Aspire's per-project rebuilders only run
        // on demand; everything else runs and must become healthy.
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        // One-shot steps (the broker users' provisioning) finish rather than become healthy; services wait on them.
        var oneShot = model.Resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource.Name)
            .ToHashSet();
        var running = model.Resources
            .Where(r => r is ProjectResource || (r is ExecutableResource && r is not IResourceWithParent))
            .Where(r => !oneShot.Contains(r.Name))
            .ToList();
        ProjectNames = running.OfType<ProjectResource>().Select(r => r.Name).ToList();

        // The first resource to fail ends the start-up: the others may be waiting on it and would only time out.
        var pending = running.Select(r => WaitUntilHealthyAsync(app, r.Name, timeout.Token)).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            await done;
            pending.Remove(done);
        }
    }

    /// <summary>Healthy, or an exception as soon as the resource stops (a crashed service would otherwise cost the whole timeout).</summary>
    private static async Task WaitUntilHealthyAsync(DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var healthy = app.ResourceNotifications.WaitForResourceHealthyAsync(name, waiting.Token);
        var stopped = app.ResourceNotifications.WaitForResourceAsync(name,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), waiting.Token);
        try
        {
            if (await Task.WhenAny(healthy, stopped) == stopped && stopped.IsCompletedSuccessfully)
            {
                var snapshot = stopped.Result.Snapshot;
                throw new InvalidOperationException(
                    $"Resource '{name}' reached {snapshot.State?.Text} (exit code {snapshot.ExitCode}) before it was healthy; its log is in the test output.");
            }
            await healthy;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var state = app.ResourceNotifications.TryGetCurrentState(name, out var e)
                ? $"{e.Snapshot.State?.Text}, health {e.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
                : "no state";
            throw new TimeoutException($"Resource '{name}' was not healthy within {StartTimeout} ({state}).");
        }
        finally
        {
            await waiting.CancelAsync();
        }
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
