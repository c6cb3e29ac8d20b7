using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Partnership.Board.Data;
using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.IntegrationTests.Infrastructure;
using Partnership.Testing;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.IntegrationTests.Messaging;

/// <summary>The transactional outbox against real PostgreSQL and RabbitMQ, from the health service to the board.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly string _service = $"outbox{Guid.NewGuid():N}"[..14];
    private string _healthDb = "";
    private string _boardDb = "";
    private IHost _board = null!;

    public async ValueTask InitializeAsync()
    {
        _healthDb = await TestInfrastructure.CreateDatabaseAsync("health");
        _boardDb = await TestInfrastructure.CreateDatabaseAsync("board");
        _board = ServiceHosts.BoardConsumer(_boardDb, _service + "-board");
        await _board.MigrateAsync<BoardDbContext>();
        await _board.StartReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _board.StopAsync();
        _board.Dispose();
        await TestInfrastructure.DropDatabaseAsync(_healthDb);
        await TestInfrastructure.DropDatabaseAsync(_boardDb);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_event_and_a_committed_one_leaves_exactly_one()
    {
        using var health = ServiceHosts.HealthWriter(_healthDb, _service + "-health");
        await health.MigrateAsync<HealthDbContext>();

        await health.WithDbAsync<HealthDbContext, int>(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var a = Samples.Assessment("RB-1");
            db.Assessments.Add(a);
            db.AddIntegrationEvent(a.ToCompletedEvent());
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal((0, 0), await Counts(health));

        await health.WithDbAsync<HealthDbContext, int>(async db =>
        {
            var a = Samples.Assessment("RB-2");
            db.Assessments.Add(a);
            db.AddIntegrationEvent(a.ToCompletedEvent());
            return await db.SaveChangesAsync();
        });
        Assert.Equal((1, 1), await Counts(health));
    }

    [Fact]
    public async Task Committed_events_reach_the_board_and_are_marked_sent()
    {
        using var health = ServiceHosts.HealthWriter(_healthDb, _service + "-health");
        await health.MigrateAsync<HealthDbContext>();
        await health.StartAsync();

        var ids = await Record(health, 3);

        await Eventually.WaitForAsync(() => BoardFacts(ids), n => n == 3);
        await Eventually.WaitForAsync(() => health.WithDbAsync<HealthDbContext, int>(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)), n => n == 0);
        await health.StopAsync();
    }

    [Fact]
    public async Task Events_written_while_the_dispatcher_is_down_go_out_when_it_restarts()
    {
        using (var first = ServiceHosts.HealthWriter(_healthDb, _service + "-health"))
        {
            await first.MigrateAsync<HealthDbContext>();
            await first.StartAsync();
            await first.StopAsync();
        }

        // Dispatcher stopped: the rows wait in the outbox.
        using var writerOnly = ServiceHosts.HealthWriter(_healthDb, _service + "-health");
        var ids = await Record(writerOnly, 5);
        await Task.Delay(500);
        Assert.Equal(0, await BoardFacts(ids));
        Assert.Equal(5, await writerOnly.WithDbAsync<HealthDbContext, int>(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));

        using var restarted = ServiceHosts.HealthWriter(_healthDb, _service + "-health");
        await restarted.StartAsync();
        await Eventually.WaitForAsync(() => BoardFacts(ids), n => n == 5);
        await Eventually.WaitForAsync(() => restarted.WithDbAsync<HealthDbContext, int>(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)), n => n == 0);
        await restarted.StopAsync();
    }

    [Fact]
    public async Task Events_staged_in_bulk_are_stored_in_batch_rows_and_each_reaches_the_board()
    {
        using var health = ServiceHosts.HealthWriter(_healthDb, _service + "-health");
        await health.MigrateAsync<HealthDbContext>();

        const int count = 2 * OutboxBulkWriter.EventsPerRow + 50;
        var ids = await health.WithDbAsync<HealthDbContext, List<Guid>>(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var assessments = Enumerable.Range(0, count).Select(i => Samples.Assessment($"BULK-{i}", onTime: i % 3 != 0)).ToList();
            db.Assessments.AddRange(assessments);
            await db.SaveChangesAsync();
            await db.AddIntegrationEventsAsync(assessments.Select(a => a.ToCompletedEvent()), TimeProvider.System, CancellationToken.None);
            await tx.CommitAsync();
            return assessments.Select(a => a.Id).ToList();
        });

        // Three rows hold the 450 events, each event whole and once.
        var rows = await health.WithDbAsync<HealthDbContext, List<int>>(db =>
            db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.Events).ToListAsync());
        Assert.Equal([OutboxBulkWriter.EventsPerRow, OutboxBulkWriter.EventsPerRow, 50], rows);
        var staged = await health.WithDbAsync<HealthDbContext, List<string>>(db => db.Database.SqlQueryRaw<string>(
            $"SELECT body->>'assessmentId' AS \"Value\" FROM {OutboxInspection.Events} e").ToListAsync());
        Assert.Equal(ids.Select(id => id.ToString()).Order(), staged.Order());

        await health.StartAsync();
        await Eventually.WaitForAsync(() => BoardFacts(ids), n => n == count);
        await Eventually.WaitForAsync(() => health.WithDbAsync<HealthDbContext, int>(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)), n => n == 0);
        await health.StopAsync();
    }

    [Fact]
    public async Task Under_a_stream_of_commits_one_pass_carries_them_and_after_a_quiet_spell_an_event_leaves_at_once()
    {
        // A pass interval far longer than the stream below takes, so where the passes fall is not a matter of timing.
        using var health = ServiceHosts.HealthWriter(_healthDb, _service + "-health", ("Outbox:MinimumPassInterval", "00:00:02"));
        await health.MigrateAsync<HealthDbContext>();
        await health.StartAsync();

        // The dispatcher's passes since start found nothing, so the first event is not held back by the interval.
        var first = await Record(health, 1);
        var firstSent = await Eventually.WaitForAsync(() => SentAt(health, first), sent => sent.Count == 1, TimeSpan.FromSeconds(1.5));
        // Ten commits of their own, each waking the dispatcher, right after its pass for the first.
        var stream = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            stream.AddRange(await Record(health, 1));
        }

        var streamSent = await Eventually.WaitForAsync(() => SentAt(health, stream), sent => sent.Count == stream.Count);
        Assert.Single(streamSent.Distinct());
        Assert.True(streamSent[0] > firstSent[0]);
        await Eventually.WaitForAsync(() => BoardFacts([.. first, .. stream]), n => n == 11);
        await health.StopAsync();
    }

    /// <summary>The sent_at of each row whose event is about one of these assessments (one value per dispatch pass).</summary>
    private static Task<List<DateTimeOffset>> SentAt(IHost health, List<Guid> ids) => health.WithDbAsync<HealthDbContext, List<DateTimeOffset>>(db =>
        db.Database.SqlQueryRaw<DateTimeOffset>(
            $"SELECT m.sent_at AS \"Value\" FROM {OutboxModelBuilderExtensions.OutboxTable} m WHERE m.sent_at IS NOT NULL AND (m.body->>'assessmentId')::uuid = ANY({{0}})",
            ids.ToArray()).ToListAsync());

    private static Task<(int, int)> Counts(IHost health) => health.WithDbAsync<HealthDbContext, (int, int)>(async db =>
        (await db.Assessments.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));

    private static Task<List<Guid>> Record(IHost health, int count) => health.WithDbAsync<HealthDbContext, List<Guid>>(async db =>
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var a = Samples.Assessment($"OB-{i}", onTime: i % 2 == 0);
            db.Assessments.Add(a);
            db.AddIntegrationEvent(a.ToCompletedEvent());
            ids.Add(a.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    });

    private Task<int> BoardFacts(List<Guid> ids) =>
        _board.WithDbAsync<BoardDbContext, int>(db => db.HealthAssessments.CountAsync(f => ids.Contains(f.AssessmentId)));
}
