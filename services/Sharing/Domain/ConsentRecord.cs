namespace Partnership.Sharing.Domain;

/// <summary>
/// A permission or refusal about a child's data, for the listed categories, recipients and purpose, over a period.
/// A withdrawal keeps the record (with who withdrew it and when) and takes it out of every later decision.
/// </summary>
public sealed class ConsentRecord : IChildRecord
{
    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public ConsentGiver GivenBy { get; set; }
    public bool Permit { get; set; }
    public List<DataCategory> Categories { get; set; } = [];
    public List<string> Recipients { get; set; } = [];
    public Purpose Purpose { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public required string RecordedByAgency { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawalReason { get; set; }

    public bool Covers(string recipient, DataCategory category, Purpose purpose, DateTimeOffset at) =>
        Purpose == purpose
        && Categories.Contains(category)
        && Recipients.Contains(recipient, StringComparer.Ordinal)
        && ValidFrom <= at && (ValidTo is null || at < ValidTo)
        && (WithdrawnAt is null || at < WithdrawnAt);
}
