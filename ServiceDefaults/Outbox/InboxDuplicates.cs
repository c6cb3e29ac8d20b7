using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>What every kind of idempotent consumer records when its inbox already holds an event: one counter, one log line.</summary>
internal static partial class InboxDuplicates
{
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("partnership.inbox.duplicates");

    public static void Record(ILogger logger, Guid eventId, string consumer)
    {
        Duplicates.Add(1);
        LogDuplicate(logger, eventId, consumer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid eventId, string consumer);
}
