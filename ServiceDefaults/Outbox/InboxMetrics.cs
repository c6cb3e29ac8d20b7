using System.Diagnostics.Metrics;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults.Outbox;

/// <summary>The inbox's instruments, one of each for every kind of idempotent consumer.</summary>
internal static class InboxMetrics
{
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("partnership.inbox.duplicates");
}
