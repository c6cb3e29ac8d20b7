namespace Partnership.Sharing.Domain;

/// <summary>
/// Something shared with a recipient agency, and why. Only permitted shares ever become inbox items, so a recipient
/// that was refused cannot even learn a record exists.
/// </summary>
public sealed class InboxItem
{
    public Guid Id { get; set; }
    public required string RecipientAgency { get; set; }
    public required string SourceAgency { get; set; }
    /// <summary>The platform child key; null in the board's feed, which carries only <see cref="ChildPseudonym"/>.</summary>
    public string? ChildKey { get; set; }
    public string? ChildPseudonym { get; set; }
    public DataCategory Category { get; set; }
    public Purpose Purpose { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    public Guid DecisionId { get; set; }
    public required string Reason { get; set; }
    public required string EventType { get; set; }
    public Guid SourceEventId { get; set; }
    /// <summary>The shared facts as a JSON object (no names, dates of birth, NHS numbers or UPNs).</summary>
    public required string Facts { get; set; }
    public DateTimeOffset SharedAt { get; set; }
}
