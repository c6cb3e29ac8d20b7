using Partnership.Faults.Tests.Accounting;
using Partnership.Faults.Tests.Rig;

namespace Partnership.Faults.Tests;

/// <summary>What one fault scenario produced: its row, its stream, and the moments that bound the outage.</summary>
public sealed record ScenarioResult(FaultRow Row, AssessmentStream Stream, Tally Tally, DateTime FaultAt, DateTime RestoredAt);

/// <summary>
/// The shape every fault scenario shares: a steady stream of assessments, the fault injected part-way, the stream kept
/// running a little after the component is back, then a bounded wait for the board's count to converge.
/// </summary>
public sealed class Scenarios(FaultRig rig, ITestOutputHelper output)
{
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromSeconds(90);

    public async Task<ScenarioResult> RunAsync(string fault, string code, Func<AssessmentStream, Task> inject, Func<string>? note = null,
        TimeSpan? warmUp = null, TimeSpan? tail = null)
    {
        var prefix = $"FLT-{code}-";
        var absorbedBefore = rig.Board.MarkedLines;
        var stream = AssessmentStream.Start(rig.HealthApi, prefix);
        await Task.Delay(warmUp ?? TimeSpan.FromSeconds(1.5));

        var faultAt = DateTime.UtcNow;
        DateTime restoredAt;
        try
        {
            await inject(stream);
            restoredAt = DateTime.UtcNow;
            await Task.Delay(tail ?? TimeSpan.FromSeconds(1));
        }
        finally
        {
            // A failed injection must not leave the stream running into the next scenario.
            await stream.StopAsync();
        }

        var (tally, convergedAt) = await rig.WaitForConvergenceAsync(prefix, ConvergenceTimeout);
        if (convergedAt is not null)
        {
            // A late redelivery would apply a fact a second time after the counts first matched: give it a moment to show.
            await Task.Delay(TimeSpan.FromSeconds(1));
            tally = await rig.Ledger.TallyAsync(prefix);
        }
        var row = FaultRow.From(fault, stream, tally, rig.Board.MarkedLines - absorbedBefore, restoredAt - faultAt,
            convergedAt - faultAt, note?.Invoke() ?? "");
        Record(row);
        return new ScenarioResult(row, stream, tally, faultAt, restoredAt);
    }

    public void Record(FaultRow row)
    {
        rig.Report.Add(row);
        output.WriteLine(FaultReport.Table([row]));
        output.WriteLine("Run so far:");
        output.WriteLine(rig.Report.Render());
        TestContext.Current.SendDiagnosticMessage(FaultReport.Table([row]));
    }

    /// <summary>The guarantees every fault must keep: nothing accepted is lost, nothing is applied twice, the outbox drains.</summary>
    public static void AssertExact(ScenarioResult result)
    {
        var row = result.Row;
        Assert.True(row.Recovery is not null,
            $"{row.Fault}: counts did not converge; committed {result.Tally.Committed.Count}, counted {result.Tally.Counted.Count}, unsent outbox rows {result.Tally.UnsentOutbox}");
        Assert.Equal(0, row.Lost);
        Assert.Equal(0, row.Duplicated);
        Assert.Equal(0, result.Tally.UnsentOutbox);
        Assert.Equal(result.Tally.Committed.Count, result.Tally.Counted.Count);
        Assert.Subset(result.Tally.Counted.ToHashSet(), result.Stream.Accepted.Keys.ToHashSet());
        Assert.True(row.Accepted > 0, $"{row.Fault}: nothing was accepted at all");
    }
}
