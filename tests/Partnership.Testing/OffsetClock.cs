namespace Partnership.Testing;

/// <summary>
/// The real clock moved forward by however much a test says, for a service under test whose expiry rules are being
/// checked (token lifetimes, reuse leeways). Time keeps running, so timers, delays and timeouts behave as usual; only
/// "now" jumps. Never goes back: a service must not see time reverse.
/// </summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
