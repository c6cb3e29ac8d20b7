using Partnership.Faults.Tests.Accounting;
using Partnership.Faults.Tests.Broker;
using Partnership.Faults.Tests.Rig;

namespace Partnership.Faults.Tests;

/// <summary>
/// Health assessments flow through the real health API (real tokens) → outbox → RabbitMQ → board consumer → board
/// facts while a fault is injected; afterwards the board counts exactly what the health service committed.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait("Category", "Faults")]
public sealed class FaultAccountingTests(FaultRig rig, ITestOutputHelper output)
{
    private readonly Scenarios _scenarios = new(rig, output);

    [Fact]
    public async Task Health_service_SIGKILL_and_restart_loses_and_doubles_nothing()
    {
        var result = await _scenarios.RunAsync("health service SIGKILL + restart", "KILLH", async _ =>
        {
            await rig.Health.KillAsync();
            await rig.Health.StartAsync();
        });

        Scenarios.AssertExact(result);
        Assert.NotEmpty(result.Stream.Failures); // callers did see the outage
        Assert.True(result.Stream.AcceptedAfter(result.RestoredAt) > 0, "nothing was accepted after the restart");
    }

    [Fact]
    public async Task Board_consumer_SIGKILL_and_restart_loses_and_doubles_nothing()
    {
        var result = await _scenarios.RunAsync("board (consumer) SIGKILL + restart", "KILLB", async _ =>
        {
            await rig.Board.KillAsync();
            await rig.Board.StartAsync();
        });

        Scenarios.AssertExact(result);
        Assert.Empty(result.Stream.Failures); // the producer never noticed
    }

    [Fact]
    public async Task RabbitMQ_restart_loses_and_doubles_nothing_and_readiness_follows_the_broker()
    {
        var result = await _scenarios.RunAsync("RabbitMQ stop + start", "RMQ", async _ =>
        {
            await rig.Infrastructure.StopRabbitMqAsync();
            try
            {
                await ReadinessProbe.MeasureAsync(rig, "RabbitMQ", output, rig.Infrastructure.StartRabbitMqAsync);
            }
            finally
            {
                await rig.Infrastructure.StartRabbitMqAsync();
            }
            await rig.BothHealthyAsync(TimeSpan.FromSeconds(90));
        });

        Scenarios.AssertExact(result);
        Assert.True(result.Stream.AcceptedAfter(result.FaultAt) > 0, "the health API stopped accepting while the broker was down");
    }

    [Fact]
    public async Task PostgreSQL_restart_loses_and_doubles_nothing()
    {
        var result = await _scenarios.RunAsync("PostgreSQL restart", "PG", async _ =>
        {
            await rig.Infrastructure.RestartPostgresAsync();
            await rig.BothHealthyAsync(TimeSpan.FromSeconds(60));
        });

        Scenarios.AssertExact(result);
        Assert.True(result.Stream.AcceptedAfter(result.RestoredAt) > 0, "nothing was accepted after PostgreSQL came back");
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_with_its_fault_and_is_never_counted()
    {
        var poisonId = Guid.NewGuid();
        var poisonAssessment = Guid.NewGuid();
        ErrorQueueEntry? entry = null;
        var result = await _scenarios.RunAsync("poison message (null ChildKey)", "POISON", async _ =>
        {
            var completedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
            await rig.Broker.PublishEnvelopeAsync("Partnership.Contracts.Health.V1.HealthAssessmentCompleted", poisonId, new
            {
                eventId = poisonId,
                occurredAt = DateTimeOffset.UtcNow,
                sourceAgency = "health",
                childKey = (string?)null,
                assessmentId = poisonAssessment,
                assessmentType = 1,
                dueDate = completedOn,
                completedOn,
            });
            var entries = await Waits.UntilAsync(() => rig.Broker.PeekAsync(rig.BoardErrorQueue),
                e => e.Any(m => m.MessageId == poisonId.ToString()), TimeSpan.FromSeconds(60), "poison message in the error queue");
            entry = entries.First(m => m.MessageId == poisonId.ToString());
        }, note: () => "poison parked in _error, stream unaffected");

        Scenarios.AssertExact(result);
        Assert.NotNull(entry);
        Assert.Equal("fault", entry.Reason);
        Assert.False(string.IsNullOrWhiteSpace(entry.ExceptionType));
        Assert.False(string.IsNullOrWhiteSpace(entry.FaultMessage));
        Assert.False(await rig.Ledger.IsCountedAsync(poisonAssessment));

        // The operator's view of the same queue shows the fault reason, and listing moves nothing.
        var (exit, listing) = await AdminTool.RunAsync(rig, "errors", "list", "--queue", rig.BoardQueue);
        output.WriteLine(listing);
        Assert.Equal(0, exit);
        Assert.Contains(poisonId.ToString(), listing);
        Assert.Contains(entry.ExceptionType!, listing);
        Assert.Contains(await rig.Broker.PeekAsync(rig.BoardErrorQueue), m => m.MessageId == poisonId.ToString());
    }

    [Fact]
    public async Task Duplicate_deliveries_from_the_outbox_are_absorbed_by_the_inbox()
    {
        var republished = 0;
        var absorbedBefore = rig.Board.MarkedLines;
        var result = await _scenarios.RunAsync("duplicate redelivery (outbox republishes sent events)", "DUP", async stream =>
        {
            // As if the dispatcher crashed after publishing and before recording it: the same events go out again.
            var sent = stream.Accepted.Keys.ToArray();
            await Waits.UntilAsync(async () => (await rig.Ledger.TallyAsync(stream.Prefix)).Counted.Count,
                counted => counted >= sent.Length, TimeSpan.FromSeconds(30), "first deliveries counted");
            republished = await rig.Ledger.ResendOutboxAsync(sent);
            await Waits.UntilAsync(() => Task.FromResult(rig.Board.MarkedLines - absorbedBefore),
                absorbed => absorbed >= republished, TimeSpan.FromSeconds(30), "redeliveries absorbed by the inbox");
        });

        Scenarios.AssertExact(result);
        Assert.True(republished >= 10, $"only {republished} events were republished");
        Assert.True(result.Row.Absorbed >= republished, $"{republished} republished, {result.Row.Absorbed} absorbed");
    }

    [Fact]
    public async Task A_transiently_failed_message_is_replayed_by_the_admin_command_and_counted_exactly_once()
    {
        var faulted = 0;
        var replayOutput = "";
        var result = await _scenarios.RunAsync("transient failure → _error → admin replay (each twice)", "REPLAY", async stream =>
        {
            await rig.Ledger.BreakBoardFactWritesAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(0.5));
                await stream.StopAsync();

                // Every event the broken board could not store must reach the error queue once retries are exhausted.
                var (parked, _, _) = await Waits.UntilAsync(async () =>
                {
                    var tally = await rig.Ledger.TallyAsync(stream.Prefix);
                    var inError = (await rig.Broker.PeekAsync(rig.BoardErrorQueue))
                        .Count(m => m.FaultMessage?.Contains(BoardFacts.InjectedFailure, StringComparison.Ordinal) == true);
                    return (Parked: inError, Uncounted: tally.Committed.Count - tally.Counted.Count, Unsent: tally.UnsentOutbox);
                }, v => v.Unsent == 0 && v.Parked > 0 && v.Parked == v.Uncounted, TimeSpan.FromSeconds(90), "failed events parked in the error queue");
                faulted = parked;

                // Each failed event twice (as if the outbox had also republished it), so the replay must absorb a duplicate.
                Assert.Equal(faulted, await rig.Broker.DuplicateInPlaceAsync(rig.BoardErrorQueue, BoardFacts.InjectedFailure));
            }
            finally
            {
                // The cause is fixed before the replay, and always, so no other scenario runs against a broken board.
                await rig.Ledger.RepairBoardFactWritesAsync();
            }
            var (exit, text) = await AdminTool.RunAsync(rig, "errors", "replay", "--queue", rig.BoardQueue,
                "--fault-contains", BoardFacts.InjectedFailure);
            replayOutput = text;
            Assert.Equal(0, exit);
        }, note: () => $"{faulted} faulted → _error; {2 * faulted} replayed", warmUp: TimeSpan.FromSeconds(0.5), tail: TimeSpan.Zero);
        output.WriteLine(replayOutput);

        Scenarios.AssertExact(result);
        Assert.Contains($"{2 * faulted} replayed", replayOutput);
        Assert.True(result.Row.Absorbed >= faulted, $"{faulted} duplicates replayed, {result.Row.Absorbed} absorbed");
        // Nothing replayable is left behind; anything still parked failed for another reason (the poison message).
        Assert.DoesNotContain(await rig.Broker.PeekAsync(rig.BoardErrorQueue),
            m => m.FaultMessage?.Contains(BoardFacts.InjectedFailure, StringComparison.Ordinal) == true);
    }
}
