using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Contracts;
using Partnership.Sharing.Data;
using Partnership.Sharing.Grpc.V1;
using Partnership.Testing;

namespace Partnership.Sharing.Tests;

/// <summary>
/// The real identity service and the sharing service on a fresh database with the real RabbitMQ, shared by the tests
/// of a class. Tests use their own child keys, so they do not see each other's data.
/// </summary>
public sealed class SharingFixture : IAsyncLifetime
{
    /// <summary>No catalogue client holds sharing.admin yet; this test client stands for the DPO's oversight tool.</summary>
    public const string OversightClient = "sharing-oversight-test";
    /// <summary>The board-reporting client lacks sharing.inbox today; this one reads the board's feed.</summary>
    public const string BoardInboxClient = "board-inbox-test";

    private readonly Dictionary<string, string> _tokens = [];
    private GrpcChannel? _channel;

    public IdentityHost Identity { get; private set; } = null!;
    public ServiceUnderTest<SharingDbContext> Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        await Identity.RegisterClientAsync(OversightClient, Agencies.SocialCare, "sharing.admin");
        await Identity.RegisterClientAsync(BoardInboxClient, Agencies.Board, "sharing.inbox");
        Service = await ServiceUnderTest<SharingDbContext>.StartAsync(Identity, "sharingdb");
        // Consumers must have bound their queues before a test publishes, or the first events are lost.
        var health = await Service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The sharing service's bus did not become healthy: {health}");
        }
        _channel = GrpcChannel.ForAddress(Service.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Service.Server.CreateHandler() });
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }

    public SharingService.SharingServiceClient Grpc => new(_channel!);

    /// <summary>Call metadata carrying a real token of the given client (or none).</summary>
    public async Task<Metadata> AuthAsync(string? clientId)
    {
        var headers = new Metadata();
        if (clientId is not null)
        {
            if (!_tokens.TryGetValue(clientId, out var token))
            {
                token = await Identity.TokenAsync(clientId);
                _tokens[clientId] = token;
            }
            headers.Add("Authorization", $"Bearer {token}");
        }
        return headers;
    }

    public Task PublishAsync<T>(T message) where T : class => Service.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The recipient's inbox items about one child, read through the REST endpoint with the recipient's token.</summary>
    public async Task<List<JsonElement>> InboxAsync(string clientId, string? childKey = null)
    {
        using var http = await Service.ClientAsync(clientId);
        var url = childKey is null ? "/api/sharing/inbox?pageSize=500" : $"/api/sharing/inbox?pageSize=500&childKey={Uri.EscapeDataString(childKey)}";
        var page = await http.GetFromJsonAsync<JsonElement>(url);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public static string NewChild(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}
