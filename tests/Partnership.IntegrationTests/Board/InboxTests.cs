using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Partnership.Board.Consumers;
using Partnership.Board.Data;
using Partnership.IntegrationTests.Infrastructure;
using Partnership.Testing;
using Partnership.ServiceDefaults.Outbox;
using RabbitMQ.Client;

namespace Partnership.IntegrationTests.Board;

/// <summary>The board's idempotent consumer against real RabbitMQ deliveries.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private readonly string _service = $"inbox{Guid.NewGuid():N}"[..13];
    private IHost _board = null!;
    private string _boardDb = "";

    public async ValueTask InitializeAsync()
    {
        _boardDb = await TestInfrastructure.CreateDatabaseAsync("board");
        _board = ServiceHosts.BoardConsumer(_boardDb, _service);
        await _board.MigrateAsync<BoardDbContext>();
        await _board.StartReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _board.StopAsync();
        _board.Dispose();
        await TestInfrastructure.DropDatabaseAsync(_boardDb);
    }

    [Fact]
    public async Task A_redelivered_event_is_counted_once_even_when_copies_arrive_together()
    {
        var evt = Samples.CompletedEvent(Guid.NewGuid(), "DUP-1", new DateOnly(2026, 10, 1));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _board.Bus().Publish(evt)));

        await Eventually.WaitForAsync(() => InboxRows(evt.EventId), n => n == 1);
        await Task.Delay(1000); // give any stray copy time to land before asserting it did not
        Assert.Equal(1, await Facts(evt.AssessmentId));
        Assert.Equal(1, await InboxRows(evt.EventId));
    }

    [Fact]
    public async Task A_correction_replaces_the_fact_and_a_stale_version_arriving_late_is_ignored()
    {
        var assessmentId = Guid.NewGuid();
        var original = Samples.CompletedEvent(assessmentId, "COR-1", new DateOnly(2026, 10, 20), DateTimeOffset.UtcNow.AddMinutes(-10));
        var correction = Samples.CompletedEvent(assessmentId, "COR-1", new DateOnly(2026, 10, 1), DateTimeOffset.UtcNow);

        await _board.Bus().Publish(correction);
        await Eventually.WaitForAsync(() => InboxRows(correction.EventId), n => n == 1);
        await _board.Bus().Publish(original);
        await Eventually.WaitForAsync(() => InboxRows(original.EventId), n => n == 1);

        var fact = await _board.WithDbAsync<BoardDbContext, Partnership.Board.Domain.HealthAssessmentFact>(db => db.HealthAssessments.SingleAsync(f => f.AssessmentId == assessmentId));
        Assert.Equal(new DateOnly(2026, 10, 1), fact.CompletedOn);
        Assert.True(fact.WithinTimescale);
        Assert.Equal(correction.EventId, fact.SourceEventId);
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_with_its_fault_and_stores_nothing()
    {
        var poison = Samples.CompletedEvent(Guid.NewGuid(), "POISON", new DateOnly(2026, 10, 1)) with { ChildKey = null! };
        await _board.Bus().Publish(poison);

        var message = await ErrorQueueMessageAsync();
        var headers = message!.BasicProperties.Headers!;
        Assert.Contains("MT-Fault-Message", headers.Keys);
        Assert.Contains("ArgumentNullException", System.Text.Encoding.UTF8.GetString((byte[])headers["MT-Fault-ExceptionType"]!));
        Assert.Equal(0, await Facts(poison.AssessmentId));
        Assert.Equal(0, await InboxRows(poison.EventId));
    }

    [Fact]
    public async Task Events_arriving_together_share_a_transaction_and_a_poison_among_them_fails_alone()
    {
        var events = Enumerable.Range(0, 100)
            .Select(i => Samples.CompletedEvent(Guid.NewGuid(), $"BATCH-{i}", new DateOnly(2026, 10, 1)))
            .ToArray();
        var poison = Samples.CompletedEvent(Guid.NewGuid(), "BATCH-POISON", new DateOnly(2026, 10, 1)) with { ChildKey = null! };
        await Task.WhenAll(events.Append(poison).OrderBy(_ => Random.Shared.Next()).Select(e => _board.Bus().Publish(e)));

        var ids = events.Select(e => e.EventId).ToArray();
        await Eventually.WaitForAsync(() => _board.WithDbAsync<BoardDbContext, int>(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))),
            n => n == events.Length, TimeSpan.FromSeconds(60));
        var assessments = events.Select(e => e.AssessmentId).ToArray();
        Assert.Equal(events.Length, await _board.WithDbAsync<BoardDbContext, int>(db => db.HealthAssessments.CountAsync(f => assessments.Contains(f.AssessmentId))));

        // A batch's statements run in one implicit transaction.
        var largestTransaction = await InboxInspection.LargestTransactionAsync(_boardDb, ids);
        Assert.True(largestTransaction > 1, "every event was applied in a transaction of its own");

        var message = await ErrorQueueMessageAsync();
        Assert.Equal(poison.EventId, System.Text.Json.JsonDocument.Parse(message!.Body).RootElement.GetProperty("message").GetProperty("eventId").GetGuid());
        Assert.Equal(0, await InboxRows(poison.EventId));
    }

    /// <summary>The first message in the consumer's error queue, waiting for it to arrive (retries take seconds).</summary>
    private async Task<BasicGetResult?> ErrorQueueMessageAsync()
    {
        var queue = new KebabCaseEndpointNameFormatter(_service, false).Consumer<HealthAssessmentCompletedConsumer>() + "_error";
        var endpoint = Partnership.ServiceDefaults.Messaging.RabbitMqEndpoint.Parse(TestInfrastructure.RabbitMq);
        var factory = new ConnectionFactory { HostName = endpoint.Host, Port = endpoint.Port, UserName = endpoint.Username, Password = endpoint.Password };
        await using var connection = await factory.CreateConnectionAsync();
        return await Eventually.WaitForAsync(async () =>
        {
            // A get on a queue that does not exist yet closes the channel, so each attempt has its own.
            await using var channel = await connection.CreateChannelAsync();
            try { return await channel.BasicGetAsync(queue, autoAck: true); }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { return null; }
        }, m => m is not null, TimeSpan.FromSeconds(60));
    }

    private Task<int> Facts(Guid assessmentId) =>
        _board.WithDbAsync<BoardDbContext, int>(db => db.HealthAssessments.CountAsync(f => f.AssessmentId == assessmentId));

    private Task<int> InboxRows(Guid eventId) =>
        _board.WithDbAsync<BoardDbContext, int>(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == eventId));
}
