namespace Partnership.Sharing.Audit;

public static class AuditKinds
{
    public const string Decision = "decision";
    public const string ConsentRecorded = "consent-recorded";
    public const string ConsentWithdrawn = "consent-withdrawn";
    public const string OverrideRecorded = "override-recorded";
}

/// <summary>
/// One append-only audit record. <see cref="Hash"/> is SHA-256 over the previous entry's hash and this entry's
/// canonical form, so altering or removing any entry breaks every hash after it in its chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Which of the <see cref="AuditChains"/> the entry belongs to; the sequence counts within it.</summary>
    public int Chain { get; set; }
    public long Sequence { get; set; }
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string ChildKey { get; set; }
    public string? SourceAgency { get; set; }
    public string? RecipientAgency { get; set; }
    public string? Category { get; set; }
    public string? Purpose { get; set; }
    public string? Outcome { get; set; }
    public string? LawfulBasis { get; set; }
    public required string Reason { get; set; }
    public string? AgreementId { get; set; }
    public Guid? ConsentId { get; set; }
    public Guid? OverrideId { get; set; }
    public required string Caller { get; set; }
    public string? CallerAgency { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
