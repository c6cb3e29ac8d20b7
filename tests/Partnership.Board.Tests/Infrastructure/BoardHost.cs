using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Board.Data;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Testing;

namespace Partnership.Board.Tests.Infrastructure;

/// <summary>The real identity service and the board on a fresh database with the real broker, shared by a test class.</summary>
public sealed class BoardHost : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceUnderTest<BoardDbContext> Board { get; private set; } = null!;

    private readonly DeliveryCounter _deliveries = new();

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Board = await ServiceUnderTest<BoardDbContext>.StartAsync(Identity, "boarddb");
        var health = await Board.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Assert.Equal(BusHealthStatus.Healthy, health);
        Board.Services.GetRequiredService<IBus>().ConnectConsumeObserver(_deliveries);
    }

    public async ValueTask DisposeAsync()
    {
        await Board.DisposeAsync();
        await Identity.DisposeAsync();
    }

    public Task<HttpClient> ReaderAsync() => Board.ClientAsync("board-reporting");

    public async Task<HttpClient> StaffAsync(string user, string password, string scope = "openid board.read board.write")
    {
        var http = Board.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffSignIn.AccessTokenAsync(Identity, user, password, scope));
        return http;
    }

    public Task<HttpClient> AdminAsync() => StaffAsync("admin", "Admin-Dev-1!");

    public Task<HttpClient> BoardMemberAsync() => StaffAsync("board.member", "Board-Member-1!");

    /// <summary>
    /// Publishes through the real broker and waits until the board's consumers have taken every event. An event listed
    /// twice is published twice and waited for twice, so a redelivered duplicate has been consumed (and ignored) too.
    /// </summary>
    public async Task PublishAndWaitAsync(IReadOnlyList<IntegrationEvent> events)
    {
        var bus = Board.Services.GetRequiredService<IBus>();
        var wanted = events.GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.Count() + _deliveries.Consumed(g.Key));
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType());
        }
        var ids = wanted.Keys.ToList();
        await Eventually.WaitForAsync(() => WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))),
            n => n == ids.Count, TimeSpan.FromSeconds(120));
        await Eventually.WaitForAsync(() => Task.FromResult(wanted.Count(w => _deliveries.Consumed(w.Key) < w.Value)),
            left => left == 0, TimeSpan.FromSeconds(60));
    }

    public async Task<T> WithDbAsync<T>(Func<BoardDbContext, Task<T>> action)
    {
        await using var scope = Board.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BoardDbContext>());
    }
}

/// <summary>Counts the deliveries the board's consumers have finished, per event id, duplicates included.</summary>
internal sealed class DeliveryCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();

    public int Consumed(Guid eventId) => _consumed.GetValueOrDefault(eventId);

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IntegrationEvent e)
        {
            _consumed.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
