namespace Partnership.Faults.Tests.Accounting;

/// <summary>
/// One fault's accounting. Accepted = 201 answers; Unconfirmed = committed by the health service but the caller got
/// no 201 (the request was in flight when the process died); Lost = accepted or committed but not counted by the board;
/// Duplicated = extra applications of a fact beyond one per assessment; Absorbed = redeliveries the board's inbox
/// skipped (from its log). Outage = fault injected until the component was back; Recovery = fault injected until the
/// board's count equalled the health service's and the outbox was empty.
/// </summary>
public sealed record FaultRow(
    string Fault, int Sent, int Accepted, int Unconfirmed, int Counted, int Lost, int Duplicated, int Absorbed,
    TimeSpan Outage, TimeSpan? Recovery, string Note)
{
    public bool Exact => Recovery is not null && Lost == 0 && Duplicated == 0;

    public static FaultRow From(string fault, AssessmentStream stream, Tally tally, int absorbed, TimeSpan outage, TimeSpan? recovery, string note = "")
    {
        var accepted = stream.Accepted.Keys.ToHashSet();
        var unconfirmed = tally.Committed.Count(id => !accepted.Contains(id));
        var lost = accepted.Union(tally.Committed).Count(id => !tally.Counted.Contains(id));
        var duplicated = tally.Applications - tally.Counted.Count;
        return new FaultRow(fault, stream.Sent, accepted.Count, unconfirmed, tally.Counted.Count, lost, duplicated, absorbed,
            outage, recovery, note);
    }
}
