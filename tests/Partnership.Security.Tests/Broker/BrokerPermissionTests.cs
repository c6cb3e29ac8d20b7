using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnership.Security.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnership.Security.Tests.Broker;

/// <summary>
/// Per-service broker users from scripts/broker-permissions.sh: a service publishes only its own domain's events and
/// reads only its own queues, and the real services still run end to end under those users.
/// </summary>
public sealed class BrokerPermissionTests : IAsyncLifetime
{
    private const string HealthEvents = "Partnership.Contracts.Health.V1:HealthAssessmentCompleted";
    private const string MissingEvents = "Partnership.Contracts.Missing.V1:MissingEpisodeStarted";
    private const string BoardQueue = "board-health-assessment-completed";

    private BrokerUsers _users = null!;

    public async ValueTask InitializeAsync()
    {
        _users = await BrokerUsers.CreateAsync(PartnershipApis.Health.Service, PartnershipApis.Board.Service);
        // What the other services would have declared: the missing service's event exchange and the board's queue.
        await using var admin = await ConnectAsync(_users.AdminConnectionString);
        await using var channel = await admin.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(MissingEvents, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(BoardQueue, durable: true, exclusive: false, autoDelete: false);
    }

    public async ValueTask DisposeAsync() => await _users.DisposeAsync();

    private static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();

    private static Task<IChannel> ConfirmingChannelAsync(IConnection connection) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

    [Fact]
    public async Task Health_may_publish_its_own_events()
    {
        await using var connection = await ConnectAsync(_users.ConnectionString("health"));
        await using var channel = await ConfirmingChannelAsync(connection);
        await channel.ExchangeDeclareAsync(HealthEvents, ExchangeType.Fanout, durable: true);
        await channel.BasicPublishAsync(HealthEvents, "", "{}"u8.ToArray());
        Assert.True(channel.IsOpen);
    }

    [Fact]
    public async Task Health_may_not_publish_to_the_missing_services_exchange()
    {
        await using var connection = await ConnectAsync(_users.ConnectionString("health"));
        await using var channel = await ConfirmingChannelAsync(connection);
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await channel.BasicPublishAsync(MissingEvents, "", "{}"u8.ToArray()));
        Assert.Equal((ushort?)403, ReplyCode(refused, channel));
    }

    [Fact]
    public async Task Health_may_not_read_the_boards_queue()
    {
        await using var connection = await ConnectAsync(_users.ConnectionString("health"));
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () => await channel.BasicGetAsync(BoardQueue, autoAck: false));
        Assert.Equal((ushort?)403, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task Health_may_not_declare_or_bind_a_queue_of_the_board()
    {
        await using var connection = await ConnectAsync(_users.ConnectionString("health"));
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
            await channel.QueueBindAsync(BoardQueue, HealthEvents, ""));
        Assert.Equal((ushort?)403, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task The_real_services_run_end_to_end_under_their_own_users()
    {
        await using var identity = await IdentityHost.StartAsync();
        await using var board = await PlatformServices.StartAsync(identity, PartnershipApis.Board.Service, As("board"));
        var bus = await board.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Assert.Equal(BusHealthStatus.Healthy, bus);
        await using var health = await PlatformServices.StartAsync(identity, PartnershipApis.Health.Service, As("health"));

        using var http = health.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await identity.TokenAsync("health-system"));
        var childKey = $"SEC-BROKER-{Guid.NewGuid():N}"[..24];
        var created = await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey, assessmentType = "Initial", dueDate = "2026-10-01", completedOn = "2026-09-28",
            dentalCheckUpToDate = true, immunisationsUpToDate = true, sdqScore = 12,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The health service published through its own user and the board consumed from its own queue.
        var consumed = await Eventually.WaitForAsync(() => InboxCountAsync(board.ConnectionString), n => n > 0, TimeSpan.FromSeconds(60));
        Assert.True(consumed > 0);
        using var boardHealth = board.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await boardHealth.GetAsync("/health")).StatusCode);
    }

    private Dictionary<string, string> As(string service) => new()
    {
        ["ConnectionStrings:messaging"] = _users.ConnectionString(service),
        // Production queue names (the AppHost sets no Messaging:ServiceName): the permissions are written for them.
        ["Messaging:ServiceName"] = service,
    };

    private static async Task<long> InboxCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static ushort? ReplyCode(Exception refused, IChannel channel) =>
        (refused as OperationInterruptedException)?.ShutdownReason?.ReplyCode
        ?? (refused as AlreadyClosedException)?.ShutdownReason?.ReplyCode
        ?? channel.CloseReason?.ReplyCode;
}
