namespace Partnership.Board.Data;

/// <summary>
/// The version at which a fact kind last changed. Versions are handed out one per claim of <see cref="FactChange"/>
/// rows, in commit order, so a result computed in a snapshot that saw version N reflects every change of version N or
/// lower.
/// </summary>
public sealed class FactKindVersion
{
    public required string Kind { get; set; }
    public long Version { get; set; }
    /// <summary>When the oldest change folded into this version happened: the start of the refresh lag.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
