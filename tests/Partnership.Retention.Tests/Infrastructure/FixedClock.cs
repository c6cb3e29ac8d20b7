namespace Partnership.Retention.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so reporting-year boundaries in a test do not move with the calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
