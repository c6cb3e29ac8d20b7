namespace Partnership.Board.Snapshots;

/// <summary>Board:Results — how stored results are kept current.</summary>
public sealed class ResultsOptions
{
    /// <summary>How long the refresher waits after being woken, so a burst of events costs one refresh.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A period is recomputed at most once in this long: under a steady stream of events the refresher would otherwise
    /// recompute the same period back to back, each time for a handful of new facts. A change after a quiet spell is
    /// still reflected after <see cref="Debounce"/> alone. Under a stream, an event waits up to this long for the next
    /// recomputation, so it bounds event-to-indicator freshness; at one second the bench's p99 was 1.06 s (ADR 0016).
    /// </summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The refresher looks for work at least this often, in case a notification was lost.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A period read within this long is refreshed before the others.</summary>
    public TimeSpan HotFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every this many refreshes, the period stale longest goes first, so quiet periods are not starved.</summary>
    public int OldestEvery { get; set; } = 4;

    /// <summary>
    /// After recomputing a period nobody read lately that took t, the refresher rests t × Pace before the next such
    /// period, so catching up on quiet periods takes at most 1/(1 + Pace) of one core from the consumers and requests it
    /// shares the machine with. At national scale one period's looked-after cohort alone takes about half a second; with
    /// a Pace of 1 a steady stream of events kept half a core recomputing periods nobody was looking at.
    /// </summary>
    public double Pace { get; set; } = 3.0;

    /// <summary>
    /// A period being read that took t to recompute starts its next recomputation no sooner than t + t × HotPace after
    /// the start of the last (and never sooner than <see cref="MinInterval"/>), so even a slow period being watched
    /// takes at most 1/(1 + HotPace) of one core.
    /// </summary>
    public double HotPace { get; set; } = 1.0;

    /// <summary>Compute the dashboard's default periods (this quarter and year, and the ones before) at start-up.</summary>
    public bool Prewarm { get; set; } = true;
}
