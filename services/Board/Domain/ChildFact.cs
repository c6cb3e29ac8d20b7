namespace Partnership.Board.Domain;

/// <summary>
/// One pseudonymous fact about a child from an agency event, in a narrow shape shared by every kind so that period
/// queries hit one well-indexed table. <see cref="Key"/> is the natural key within the kind (an episode id, or the
/// child pseudonym with a date or week): a newer event for the same key replaces the row, an older one is ignored.
/// What each generic column holds per kind is set out in <see cref="FactKinds"/>; no column ever holds a name, date of
/// birth, NHS number, UPN or the platform child key.
/// </summary>
public sealed class ChildFact
{
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public required string Child { get; set; }
    public DateOnly On { get; set; }
    public DateOnly? OtherDate { get; set; }
    public string? Code { get; set; }
    public string? Code2 { get; set; }
    public string? Code3 { get; set; }
    public bool? Flag { get; set; }
    public bool? Flag2 { get; set; }
    public bool? Flag3 { get; set; }
    public int? Number { get; set; }
    public int? Number2 { get; set; }
    public int? Number3 { get; set; }
    public Guid? ImportId { get; set; }
    public Guid SourceEventId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
