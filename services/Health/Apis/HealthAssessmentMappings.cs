using Partnership.Contracts.Health.V1;
using Partnership.Health.Domain;

namespace Partnership.Health.Apis;

public static class HealthAssessmentMappings
{
    public static HealthAssessmentResponse ToResponse(this HealthAssessment a) => new(
        a.Id, a.ChildKey, a.AssessmentType.ToString(), a.DueDate, a.CompletedOn, a.WithinTimescale,
        a.DentalCheckUpToDate, a.ImmunisationsUpToDate, a.SdqScore, a.RecordedAt,
        a.WishesAndFeelingsRecorded, a.EnteredCareOn, a.AgeYears, a.NextReviewDue);

    public static HealthAssessmentCompleted ToCompletedEvent(this HealthAssessment a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        AssessmentId = a.Id,
        AssessmentType = a.AssessmentType,
        DueDate = a.DueDate,
        CompletedOn = a.CompletedOn,
        DentalCheckUpToDate = a.DentalCheckUpToDate,
        ImmunisationsUpToDate = a.ImmunisationsUpToDate,
        SdqScore = a.SdqScore,
        WishesAndFeelingsRecorded = a.WishesAndFeelingsRecorded,
    };
}
