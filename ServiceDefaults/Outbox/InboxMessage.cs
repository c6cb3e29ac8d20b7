namespace Partnership.ServiceDefaults.Outbox;

/// <summary>A message a consumer has already applied; the (message, consumer) key makes redelivery harmless.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
