using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnership.AppHost;
using Partnership.Bench.Measure;

namespace Partnership.Bench.Platform;

/// <summary>
/// The real platform, started through the AppHost exactly as tests/Partnership.AppHost.Tests starts it (own state
/// directory and epmd port, gateway and service ports chosen by Aspire), with bench-only overrides applied to
/// the model before it is built: a gateway rate limit high enough not to be what is measured, pg_stat_statements
/// loaded into PostgreSQL, broker statistics every second, and an environment marker on every resource so /proc can
/// attribute CPU to each process. To start sooner, services run from their build output (no dotnet run), and the
/// gateway and dashboard start with the services instead of after them.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    private readonly DistributedApplication app;
    private readonly HttpClient gateway;
    private readonly StartupTimeline timeline;
    private readonly IReadOnlyList<string> started;
    private bool disposed;

    private BenchPlatform(DistributedApplication app, string runMarker,
        IReadOnlyList<(string Phase, TimeSpan At)> startupPhases, StartupTimeline timeline, IReadOnlyList<string> started)
    {
        this.app = app;
        this.timeline = timeline;
        this.started = started;
        StartupPhases = startupPhases;
        Processes = new ProcessTable(runMarker);
        gateway = app.CreateHttpClient("gateway", "http");
        gateway.Timeout = TimeSpan.FromMinutes(20);
    }

    public ProcessTable Processes { get; }

    /// <summary>Start-up phases, each with the time since StartAsync was called when it ended.</summary>
    public IReadOnlyList<(string Phase, TimeSpan At)> StartupPhases { get; }

    /// <summary>Per resource: seconds to starting, running, healthy (or finished), running → healthy, and stopped.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ResourceTimeline => timeline.Rows(started);

    public HttpClient Gateway => gateway;

    public static async Task<BenchPlatform> StartAsync(string repositoryRoot, TimeSpan timeout, IReadOnlySet<string> notStarted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<(string, TimeSpan)>();
        using var cancel = new CancellationTokenSource(timeout);
        var runMarker = Guid.NewGuid().ToString("N");
        // RabbitMQ's Erlang ports are fixed; BENCH_EPMD_PORT moves them so two benches (two worktrees) can run at once.
        var epmd = int.TryParse(Environment.GetEnvironmentVariable("BENCH_EPMD_PORT"), out var port) ? port : 24389;
        var state = Path.Combine(repositoryRoot, ".state", "apphost-bench");
        // The services' databases start empty at every run: kept, they grew by each run's events (the board's facts
        // by over 10,000 a run, and every SSDA903 year imported), so the same run cost more each time it was repeated.
        // initdb and the migrations take a few seconds; BENCH_KEEP_DATA=1 keeps the last run's databases.
        var data = Path.Combine(state, "postgres", "data");
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DATA") != "1" && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        phases.Add(("previous run's databases removed", clock.Elapsed));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Partnership_AppHost>(
            [
                $"Partnership:StateDirectory={state}",
                $"Partnership:EpmdPort={epmd}",
                $"Partnership:ErlangDistributionPort={epmd + 1}",
                "Partnership:GatewayPort=0",
                "Partnership:FixedServicePorts=false",
                // Demo children would only add rows that the bench then has to count around.
                "Partnership:SeedDemoData=false",
            ],
            cancel.Token);
        // The report owns stdout; resource logs and health-check noise from a slow start go to stderr.
        builder.Services.AddLogging(logging => logging
            .ClearProviders()
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            // Services write their logs to stdout, which Aspire forwards at Information: far too much for a bench
            // (a 2-million-mark feed logs millions of lines), so only on request.
            .AddFilter("Partnership.AppHost.Resources",
                Environment.GetEnvironmentVariable("BENCH_RESOURCE_LOGS") == "1" ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        foreach (var resource in builder.Resources.OfType<IResourceWithEnvironment>().ToList())
        {
            builder.CreateResourceBuilder(resource)
                .WithEnvironment(ProcessTable.MarkerVariable, runMarker)
                .WithEnvironment(ProcessTable.ResourceVariable, resource.Name);
        }
        // The testing builder runs no Aspire dashboard, yet still points every service's OTLP exporter at it: each
        // service then batched traces, metrics and logs every second for a closed port and kept retrying them. With no
        // collector there is nothing to export to, so the exporter is left off (spans and metrics are still recorded).
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var service = builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
            // For `perf record -a` beside a run: the runtime writes /tmp/perf-<pid>.map so JIT-compiled frames have names,
            // and maps its code once (W^X maps it twice, through a memfd perf cannot resolve).
            if (Environment.GetEnvironmentVariable("BENCH_PERF_MAP") == "1")
            {
                service.WithEnvironment("DOTNET_PerfMapEnabled", "1")
                    .WithEnvironment("DOTNET_EnableWriteXorExecute", "0");
            }
        }
        // The services run from bench/run's build output, without dotnet run's MSBuild evaluation at every start.
        foreach (var project in BuiltProjectLaunch.UseBuildOutput(builder))
        {
            Console.Error.WriteLine($"{project} is not built; Aspire starts it with dotnet run.");
        }
        builder.CreateResourceBuilder(Resource<ProjectResource>(builder, "gateway"))
            .WithEnvironment("Gateway__RateLimit__PermitLimit", "100000000");
        // The gateway and the dashboard wait for the services they route to before they start, which serialises three
        // start-ups on two cores; nothing is measured before every resource is healthy, so they start with the services.
        foreach (var frontDoor in new[] { "gateway", "dashboard" })
        {
            var resource = Resource<ProjectResource>(builder, frontDoor);
            RemoveWaits(resource, waitedOn => waitedOn is ProjectResource { Name: not "identity" });
        }
        // Left in the model (their endpoints are allocated, so the gateway's routes resolve) but never started.
        foreach (var name in notStarted)
        {
            builder.CreateResourceBuilder(Resource<ProjectResource>(builder, name)).WithExplicitStart();
            foreach (var resource in builder.Resources)
            {
                RemoveWaits(resource, waitedOn => waitedOn.Name == name);
            }
        }
        // Queue depths in the management API are refreshed every collect_statistics_interval (5 s by default): too
        // coarse for the peak-depth sampling and for noticing that the queues have drained between parts.
        builder.CreateResourceBuilder(Resource<ExecutableResource>(builder, "rabbitmq"))
            .WithEnvironment("RABBITMQ_SERVER_START_ARGS", "-rabbit collect_statistics_interval 1000");
        builder.CreateResourceBuilder(Resource<ExecutableResource>(builder, "postgres"))
            .WithArgs("-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all",
                // The in-process baselines' pools (seven databases, up to 25 connections each) share this server with
                // the services' pools; the AppHost's 300 is sized for the platform alone.
                "-c", "max_connections=500");

        phases.Add(("AppHost model built (Program.cs run in-process)", clock.Elapsed));
        var app = await builder.BuildAsync(cancel.Token);
        phases.Add(("application built", clock.Elapsed));
        var timeline = new StartupTimeline(app.ResourceNotifications, clock);
        await app.StartAsync(cancel.Token);
        phases.Add(("DCP started, resources created", clock.Elapsed));
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var running = ResourceReadiness.LongRunning(model);
        await ResourceReadiness.WaitUntilHealthyAsync(app, running.Select(r => r.Name), cancel.Token);
        phases.Add(("every resource healthy", clock.Elapsed));
        var platform = new BenchPlatform(app, runMarker, phases, timeline,
            running.Select(r => r.Name).Concat(ResourceReadiness.OneShot(model)).ToList());
        await using (var connection = new Npgsql.NpgsqlConnection(await platform.ConnectionStringAsync("healthdb")))
        {
            await connection.OpenAsync();
            platform.Processes.Postmaster = ProcessTable.ParentOf(connection.ProcessID);
        }
        return platform;
    }

    private static void RemoveWaits(IResource resource, Func<IResource, bool> on)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => on(w.Resource)).ToList())
        {
            resource.Annotations.Remove(wait);
        }
    }

    private static T Resource<T>(IDistributedApplicationTestingBuilder builder, string name) where T : IResource =>
        builder.Resources.OfType<T>().SingleOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"The AppHost has no {typeof(T).Name} named '{name}'.");

    public async Task<string> ConnectionStringAsync(string name) =>
        await app.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"No connection string '{name}'.");

    /// <summary>The same server with another database name, for the bench's own scratch databases.</summary>
    public async Task<string> ScratchDatabaseAsync(string database)
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(await ConnectionStringAsync("healthdb")) { Database = "postgres" };
        await using (var connection = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        server.Database = database;
        return server.ConnectionString;
    }

    /// <summary>A client-credentials token from the gateway's /connect/token, as an agency system gets one.</summary>
    public async Task<HttpClient> ClientAsync(string clientId, string scope)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"{clientId}-dev-secret",
            ["scope"] = scope,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = gateway.BaseAddress,
            Timeout = TimeSpan.FromMinutes(20),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The one process of a project resource (found by its marker), for memory readings.</summary>
    public int ProcessOf(string resource) =>
        Processes.Snapshot().TryGetValue(resource, out var pids) ? pids.Min() : throw new InvalidOperationException($"No process for '{resource}'.");

    /// <summary>Restarts a service (a cold process: no JIT, no connection pool, no cached plans) and waits until it is healthy.</summary>
    public async Task<bool> TryRestartAsync(string resource)
    {
        try
        {
            await RestartAsync(resource);
            return true;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return false;
        }
    }

    public async Task RestartAsync(string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Restarting {resource} failed: {result.Message}");
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await ResourceReadiness.WaitUntilHealthyAsync(app, resource, cancel.Token);
    }

    /// <summary>The broker's management API (same credentials as the AMQP connection string).</summary>
    public async Task<HttpClient> BrokerManagementAsync()
    {
        var amqp = new Uri(await ConnectionStringAsync("messaging"));
        var endpoint = app.GetEndpoint("rabbitmq", "management");
        var client = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return client;
    }

    /// <summary>
    /// Waits until no broker queue holds a message, so work left over from one part (the weekly summaries of a large
    /// attendance feed) does not run during the next part's measurement. Returns how long that took.
    /// </summary>
    public async Task<TimeSpan> DrainBrokerAsync(TimeSpan limit)
    {
        using var management = await BrokerManagementAsync();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (stopwatch.Elapsed < limit)
        {
            var queues = await management.GetFromJsonAsync<JsonElement>("/api/queues?columns=name,messages");
            // Dead-letter queues (MassTransit's _error and _skipped) never drain by themselves.
            var waiting = queues.EnumerateArray()
                .Where(q => q.GetProperty("name").GetString() is { } n && !n.EndsWith("_error", StringComparison.Ordinal) && !n.EndsWith("_skipped", StringComparison.Ordinal))
                .Sum(q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0);
            if (waiting == 0)
            {
                break;
            }
            await Task.Delay(250);
        }
        return stopwatch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        gateway.Dispose();
        await PlatformShutdown.StopAsync(app, TimeSpan.FromSeconds(30));
        await timeline.DisposeAsync();
        await app.DisposeAsync();
    }
}
