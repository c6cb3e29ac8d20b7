using Partnership.Faults.Tests.Accounting;
using Partnership.Faults.Tests.Rig;

namespace Partnership.Faults.Tests;

/// <summary>SIGTERM (what an orchestrator sends first) drains in-flight work instead of dropping it.</summary>
[Collection(FaultsCollection.Name)]
[Trait("Category", "Faults")]
public sealed class GracefulShutdownTests(FaultRig rig, ITestOutputHelper output)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);
    private readonly Scenarios _scenarios = new(rig, output);

    [Fact]
    public async Task Health_SIGTERM_answers_in_flight_requests_and_loses_no_accepted_event()
    {
        var exitCode = -1;
        var result = await _scenarios.RunAsync("health service SIGTERM + restart", "TERMH", async _ =>
        {
            exitCode = await rig.Health.TerminateAsync(ExitTimeout);
            await rig.Health.StartAsync();
        }, note: () => $"exit code {exitCode}");

        Scenarios.AssertExact(result);
        Assert.Equal(0, exitCode);
        // Graceful: every request the service took in was answered, so nothing was committed behind the caller's back.
        Assert.Equal(0, result.Row.Unconfirmed);
    }

    [Fact]
    public async Task Board_SIGTERM_lets_the_in_flight_consumer_finish_and_ack()
    {
        const string prefix = "FLT-TERMB-";
        const int events = 5;
        var absorbedBefore = rig.Board.MarkedLines;
        var stream = AssessmentStream.Start(rig.HealthApi, prefix, perSecond: 1);
        await stream.StopAsync();
        DateTime faultAt, restoredAt;
        int exitCode;
        Tally beforeRestart;
        uint readyAfterExit;

        // Writes to the fact table wait on this lock, so the consumer is caught mid-message when SIGTERM arrives.
        var factsLock = await rig.Ledger.LockBoardFactsAsync();
        try
        {
            for (var i = 0; i < events; i++)
            {
                Assert.NotNull(await stream.SendOneAsync());
            }
            await Waits.UntilAsync(rig.Ledger.BoardSessionsWaitingOnLocksAsync, waiting => waiting >= 1,
                TimeSpan.FromSeconds(30), "board consumer blocked mid-message");

            faultAt = DateTime.UtcNow;
            var terminating = rig.Board.TerminateAsync(ExitTimeout);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(terminating.IsCompleted, "the board exited without waiting for its in-flight consumer");
            await factsLock.DisposeAsync();
            factsLock = null;
            exitCode = await terminating;
        }
        finally
        {
            if (factsLock is not null)
            {
                await factsLock.DisposeAsync();
            }
        }

        // Before any restart: the messages it held were applied and acknowledged (an unacked one would be back in the queue).
        beforeRestart = await rig.Ledger.TallyAsync(prefix);
        readyAfterExit = await rig.Broker.ReadyCountAsync(rig.BoardQueue);
        await rig.Board.StartAsync();
        restoredAt = DateTime.UtcNow;
        var (tally, convergedAt) = await rig.WaitForConvergenceAsync(prefix, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        tally = await rig.Ledger.TallyAsync(prefix);

        var row = FaultRow.From("board SIGTERM with consumer mid-message", stream, tally, rig.Board.MarkedLines - absorbedBefore,
            restoredAt - faultAt, convergedAt - faultAt,
            $"exit code {exitCode}; {beforeRestart.Counted.Count}/{events} stored before exit; {readyAfterExit} left unacked");
        _scenarios.Record(row);

        Assert.True(row.Recovery is not null, $"counts did not converge; unsent outbox rows {tally.UnsentOutbox}");
        Assert.Equal(0, exitCode);
        Assert.Equal(events, beforeRestart.Counted.Count);
        Assert.Equal(0u, readyAfterExit);
        Assert.Equal(0, row.Lost);
        Assert.Equal(0, row.Duplicated);
        Assert.Equal(0, row.Absorbed); // nothing was redelivered after the restart
    }
}
