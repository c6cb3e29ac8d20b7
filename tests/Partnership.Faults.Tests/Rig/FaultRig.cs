using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Partnership.Faults.Tests.Accounting;
using Partnership.Faults.Tests.Broker;
using Partnership.Testing;

namespace Partnership.Faults.Tests.Rig;

/// <summary>
/// Everything the faults suite runs against, started once for the collection: its own PostgreSQL and RabbitMQ, and the
/// identity, health and board services as separate OS processes on fixed loopback ports, with fresh databases.
/// </summary>
public sealed class FaultRig : IAsyncLifetime
{
    public const string BoardServiceName = "board";
    public const string InboxDuplicateLogText = "already processed by";

    public string Root { get; } = RepositoryRoot();
    public FaultsInfrastructure Infrastructure { get; private set; } = null!;
    public ServiceProcess Identity { get; private set; } = null!;
    public ServiceProcess Health { get; private set; } = null!;
    public ServiceProcess Board { get; private set; } = null!;
    public HttpClient HealthApi { get; private set; } = null!;
    public BrokerClient Broker { get; private set; } = null!;
    public Ledger Ledger { get; private set; } = null!;
    public FaultReport Report { get; private set; } = null!;
    public string BoardQueue => BoardFacts.Queue(BoardServiceName);
    public string BoardErrorQueue => BoardQueue + "_error";

    /// <summary>Where this build put the other projects' output (same configuration as the test assembly).</summary>
    public string BuildOutput(string projectDirectory, string assembly) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration(), "net10.0", assembly + ".dll");

    public async ValueTask InitializeAsync()
    {
        Report = new FaultReport(Path.Combine(Root, "artifacts", "faults-report.md"));
        Infrastructure = new FaultsInfrastructure(Root);
        await Infrastructure.StartAsync();
        Broker = new BrokerClient(Infrastructure.RabbitMq, Infrastructure.RabbitManagement);
        await Broker.DeleteAllQueuesAsync();

        var identityDb = await FreshDatabaseAsync("identity");
        var healthDb = await FreshDatabaseAsync("health");
        var boardDb = await FreshDatabaseAsync("board");
        Ledger = new Ledger(healthDb, boardDb);

        var logs = Path.Combine(Root, "artifacts", "faults-logs");
        var ports = LoopbackPorts.Reserve(3);
        var identityPort = ports[0];
        var issuer = $"http://127.0.0.1:{identityPort}";
        Identity = new ServiceProcess("identity", BuildOutput("services/Identity", "Partnership.Identity"), identityPort, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__identitydb"] = identityDb,
            ["Identity__Issuer"] = issuer,
            ["Identity__AllowHttp"] = "true",
            ["Identity__RateLimits__TokenRequestsPerMinute"] = "100000",
        }, logs);
        await Identity.StartAsync();

        Health = new ServiceProcess("health", BuildOutput("services/Health", "Partnership.Health"), ports[1],
            ServiceEnvironment(issuer, "healthdb", healthDb, "health"), logs);
        Board = new ServiceProcess("board", BuildOutput("services/Board", "Partnership.Board"), ports[2],
            ServiceEnvironment(issuer, "boarddb", boardDb, BoardServiceName), logs, InboxDuplicateLogText);
        await Task.WhenAll(Health.StartAsync(), Board.StartAsync());
        await Ledger.InstallApplicationAuditAsync();

        HealthApi = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 64,
        })
        {
            BaseAddress = Health.BaseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
        HealthApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("health-system"));
    }

    /// <summary>How a service is configured from outside: the variables an orchestrator sets, nothing in code.</summary>
    private IReadOnlyDictionary<string, string> ServiceEnvironment(string issuer, string connectionName, string database, string serviceName) =>
        new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            [$"ConnectionStrings__{connectionName}"] = database,
            ["ConnectionStrings__messaging"] = Infrastructure.RabbitMq,
            ["Identity__Url"] = issuer,
            ["Identity__Issuer"] = issuer,
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Messaging__ServiceName"] = serviceName,
            // MassTransit reports usage to masstransit.io by default; a test run has no business calling out.
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };

    /// <summary>A real client-credentials token from the identity process, as an agency system would get one.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        using var http = new HttpClient { BaseAddress = Identity.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"{clientId}-dev-secret",
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Waits until both services answer /health 200 again (database and broker reachable).</summary>
    public Task BothHealthyAsync(TimeSpan timeout) =>
        Task.WhenAll(Health.WaitUntilHealthyAsync(timeout), Board.WaitUntilHealthyAsync(timeout));

    /// <summary>Polls the ledger until the scenario's counts converge; returns the last tally and when it converged.</summary>
    public async Task<(Tally Tally, DateTime? ConvergedAt)> WaitForConvergenceAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = Tally.Empty;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await Ledger.TallyAsync(prefix);
                if (last.Converged)
                {
                    return (last, DateTime.UtcNow);
                }
            }
            catch (NpgsqlException)
            {
                // The database may still be coming back; keep polling until the deadline.
            }
            await Task.Delay(100);
        }
        return (last, null);
    }

    private async Task<string> FreshDatabaseAsync(string purpose)
    {
        var name = $"faults_{purpose}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(Infrastructure.Postgres);
        await connection.OpenAsync();
        // Earlier runs' databases live on the suite's own server; drop those for this purpose so they do not pile up.
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @pattern", connection))
        {
            list.Parameters.AddWithValue("pattern", $"faults\\_{purpose}\\_%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stale.Add(reader.GetString(0));
            }
        }
        foreach (var old in stale)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Infrastructure.Postgres) { Database = name }.ConnectionString;
    }

    private static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Partnership.sln not found above the test output directory.");
    }

    public async ValueTask DisposeAsync()
    {
        HealthApi?.Dispose();
        foreach (var service in new[] { Board, Health, Identity })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }
        // The instances are the suite's alone; stop them to give the memory back unless asked to keep them for a rerun.
        if (Infrastructure is not null && Environment.GetEnvironmentVariable("PARTNERSHIP_FAULTS_KEEP_INFRA") != "1")
        {
            await Infrastructure.StopAsync();
        }
    }
}
