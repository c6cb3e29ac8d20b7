namespace Partnership.ServiceDefaults.Outbox;

/// <summary>
/// One or more integration events waiting to be published, written in the same transaction as the change they report.
/// A row holds either one event in <see cref="Body"/> or, for bulk feeds, a JSON array of events of one type in
/// <see cref="Batch"/> (see <see cref="OutboxBulkWriter"/>); <see cref="Events"/> says how many.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    /// <summary>The event's id, or for a batch row an id of the row's own (each event in it keeps its EventId).</summary>
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public string? Body { get; set; }
    public string? Batch { get; set; }
    public int Events { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
