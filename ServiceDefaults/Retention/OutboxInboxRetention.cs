using Partnership.ServiceDefaults.Outbox;

namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// Every service's outbox and inbox grow with each event. A sent outbox row is only a record of what was published;
/// an inbox row only has to outlive any redelivery of its message (broker redeliveries come within minutes, an
/// outbox republish after a crash within seconds), so both are pruned. Unsent outbox rows are never touched:
/// <c>sent_at &lt; cutoff</c> is never true while <c>sent_at</c> is null.
/// </summary>
public static class OutboxInboxRetention
{
    public static readonly RetentionPolicy SentOutbox = new("outbox-sent", OutboxModelBuilderExtensions.OutboxTable,
        RetentionColumn.Timestamp("sent_at"), RetentionPeriod.Days(7));

    public static readonly RetentionPolicy Inbox = new("inbox", OutboxModelBuilderExtensions.InboxTable,
        RetentionColumn.Timestamp("processed_at"), RetentionPeriod.Days(30));

    public static IReadOnlyList<RetentionPolicy> Policies { get; } = [SentOutbox, Inbox];
}
