using Partnership.Contracts.YouthJustice.V1;
using Partnership.YouthJustice.Domain;

namespace Partnership.YouthJustice.Apis;

public static class OffenceOutcomeMappings
{
    public static OffenceOutcomeResponse ToResponse(this OffenceOutcome o) => new(
        o.Id, o.ChildKey, o.OffenceDate, o.OutcomeDate, o.Outcome.ToString(), o.AgeAtOffence, o.FirstTimeEntrant, o.RecordedByAgency, o.RecordedAt);

    public static OffenceOutcomeRecorded ToRecordedEvent(this OffenceOutcome o) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = o.RecordedAt,
        SourceAgency = o.RecordedByAgency,
        ChildKey = o.ChildKey,
        OutcomeId = o.Id,
        OutcomeDate = o.OutcomeDate,
        Outcome = o.Outcome,
        AgeAtOffence = o.AgeAtOffence,
        FirstTimeEntrant = o.FirstTimeEntrant,
    };
}
