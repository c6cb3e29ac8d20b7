using Partnership.Contracts.Health.V1;
using Partnership.Health.Domain;

namespace Partnership.Health.Apis;

/// <summary>Records to responses and to the integration events the board and sharing consume.</summary>
public static class HealthCheckMappings
{
    public static DentalCheckResponse ToResponse(this DentalCheck d) => new(d.Id, d.ChildKey, d.CheckedOn, d.RegisteredWithDentist, d.RecordedAt);

    public static GpRegistrationResponse ToResponse(this GpRegistration g) => new(g.Id, g.ChildKey, g.RecordedOn, g.Registered, g.RecordedAt);

    public static ImmunisationStatusResponse ToResponse(this ImmunisationStatus i) =>
        new(i.Id, i.ChildKey, i.RecordedOn, i.Milestone.ToString(), i.UpToDate, i.AgeYears, i.RecordedAt);

    public static SdqScoreResponse ToResponse(this SdqScore s) =>
        new(s.Id, s.ChildKey, s.CompletedOn, s.Score, s.AgeYears, s.ReceivingTherapeuticSupport, s.CauseForConcern, s.RecordedAt);

    public static SubstanceMisuseResponse ToResponse(this SubstanceMisuse s) =>
        new(s.Id, s.ChildKey, s.IdentifiedOn, s.InterventionOffered, s.InterventionReceived, s.RecordedAt);

    public static CamhsReferralResponse ToResponse(this CamhsReferral c) =>
        new(c.Id, c.ChildKey, c.Stage.ToString(), c.ReferredOn, c.OutcomeMeasureOfferedOn, c.OutcomeMeasureCompletedOn, c.RecordedAt);

    public static DentalCheckRecorded ToEvent(this DentalCheck d) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = d.RecordedAt, SourceAgency = d.SubmittedByAgency, ChildKey = d.ChildKey,
        CheckedOn = d.CheckedOn,
        RegisteredWithDentist = d.RegisteredWithDentist,
    };

    public static GpRegistrationRecorded ToEvent(this GpRegistration g) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = g.RecordedAt, SourceAgency = g.SubmittedByAgency, ChildKey = g.ChildKey,
        RecordedOn = g.RecordedOn,
        Registered = g.Registered,
    };

    public static ImmunisationStatusRecorded ToEvent(this ImmunisationStatus i) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = i.RecordedAt, SourceAgency = i.SubmittedByAgency, ChildKey = i.ChildKey,
        RecordedOn = i.RecordedOn,
        Milestone = i.Milestone,
        UpToDate = i.UpToDate,
        AgeYears = i.AgeYears,
    };

    public static SdqScoreRecorded ToEvent(this SdqScore s) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = s.RecordedAt, SourceAgency = s.SubmittedByAgency, ChildKey = s.ChildKey,
        CompletedOn = s.CompletedOn,
        Score = s.Score,
        AgeYears = s.AgeYears,
        ReceivingTherapeuticSupport = s.ReceivingTherapeuticSupport,
        CauseForConcern = s.CauseForConcern,
    };

    public static SubstanceMisuseRecorded ToEvent(this SubstanceMisuse s) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = s.RecordedAt, SourceAgency = s.SubmittedByAgency, ChildKey = s.ChildKey,
        IdentifiedOn = s.IdentifiedOn,
        InterventionOffered = s.InterventionOffered,
        InterventionReceived = s.InterventionReceived,
    };

    /// <summary>One event per stage reached, dated when the stage was reached.</summary>
    public static CamhsReferralProgressed ToProgressedEvent(this CamhsReferral c, string agency, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = agency, ChildKey = c.ChildKey,
        ReferralId = c.Id,
        Stage = c.Stage,
        On = c.Stage switch
        {
            CamhsReferralStage.OutcomeMeasureCompleted => c.OutcomeMeasureCompletedOn!.Value,
            CamhsReferralStage.OutcomeMeasureOffered => c.OutcomeMeasureOfferedOn!.Value,
            _ => c.ReferredOn,
        },
    };
}
