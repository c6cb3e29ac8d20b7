namespace Partnership.Board.Indicators;

/// <summary>A count as published: the value, or null with Suppressed set when publishing it could identify children.</summary>
public sealed record SuppressedCount(int? Value, bool Suppressed)
{
    public static SuppressedCount Shown(int value) => new(value, false);
    public static SuppressedCount Hidden { get; } = new(null, true);
}
