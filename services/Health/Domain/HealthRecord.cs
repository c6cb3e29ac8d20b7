namespace Partnership.Health.Domain;

/// <summary>What every health record other than the assessment carries: its id, the child, and who submitted it.</summary>
public abstract class HealthRecord
{
    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    /// <summary>Set from the caller's token when the record is stamped (Apis/HealthRecordWriter), never from the body.</summary>
    public string SubmittedByAgency { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
