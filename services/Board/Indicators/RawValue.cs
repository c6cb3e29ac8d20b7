namespace Partnership.Board.Indicators;

/// <summary>An indicator's unsuppressed numbers for one period, as computed or entered; never leaves the service as is.</summary>
public sealed record RawValue(long? Numerator, long? Denominator, decimal? Value, DateTimeOffset? AsAt)
{
    public static RawValue None { get; } = new(null, null, null, null);
}
