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

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Board = await ServiceUnderTest<BoardDbContext>.StartAsync(Identity, "boarddb");
        var health = await Board.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Assert.Equal(BusHealthStatus.Healthy, health);
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

    /// <summary>Publishes through the real broker and waits until the board's consumers have taken every event.</summary>
    public async Task PublishAndWaitAsync(IReadOnlyList<IntegrationEvent> events)
    {
        var bus = Board.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType());
        }
        var ids = events.Select(e => e.EventId).ToList();
        await Eventually.WaitForAsync(() => WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))),
            n => n == ids.Count, TimeSpan.FromSeconds(120));
    }

    public async Task<T> WithDbAsync<T>(Func<BoardDbContext, Task<T>> action)
    {
        await using var scope = Board.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BoardDbContext>());
    }
}
