namespace Partnership.Board.Data;

/// <summary>
/// A fact kind changed in a committed transaction. Written by database triggers on the fact tables (so every writer is
/// seen: consumers, imports, corrections, bulk loads), read and deleted by the result refresher, which folds them into
/// <see cref="FactKindVersion"/>. "*" means every kind (a table was truncated); a table without kinds is named itself.
/// </summary>
public sealed class FactChange
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
