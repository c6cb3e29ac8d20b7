using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;

namespace Partnership.ServiceDefaults.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Stages an integration event in the outbox. It is stored by the caller's next SaveChanges, so the event exists
    /// if and only if the state change it describes was committed.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent, TimeProvider? clock = null)
        where TEvent : IntegrationEvent
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = ContractTypes.NameOf(typeof(TEvent)),
            Body = JsonSerializer.Serialize(integrationEvent, ContractJson.Options),
            CreatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
        });
        OutboxSignal.MarkStaged(db);
    }
}
