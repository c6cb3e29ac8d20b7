using System.Security.Claims;
using Partnership.Contracts;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Health.Apis;

public static class HealthRecordWriter
{
    /// <summary>Stamps who submitted the record and when, from the caller's token and the service clock.</summary>
    public static T Stamp<T>(this T record, ClaimsPrincipal user, TimeProvider clock) where T : HealthRecord
    {
        record.Id = Guid.CreateVersion7();
        record.SubmittedByAgency = user.Agency()!;
        record.SubmittedBy = user.Caller();
        record.RecordedAt = clock.GetUtcNow();
        return record;
    }

    /// <summary>Stores the record and its event in one SaveChanges, so the event exists only if the record does.</summary>
    public static async Task SaveWithEventAsync<TRecord, TEvent>(this HealthDbContext db, TRecord record, TEvent evt, TimeProvider clock, CancellationToken ct)
        where TRecord : HealthRecord
        where TEvent : IntegrationEvent
    {
        db.Add(record);
        db.AddIntegrationEvent(evt, clock);
        await db.SaveChangesAsync(ct);
    }
}
