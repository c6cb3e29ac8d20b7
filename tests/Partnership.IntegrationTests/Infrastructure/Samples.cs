using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Domain;

namespace Partnership.IntegrationTests.Infrastructure;

public static class Samples
{
    public static HealthAssessment Assessment(string childKey, bool onTime = true) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = childKey,
        AssessmentType = HealthAssessmentType.Review,
        DueDate = new DateOnly(2026, 10, 10),
        CompletedOn = onTime ? new DateOnly(2026, 10, 1) : new DateOnly(2026, 10, 20),
        SubmittedByAgency = Agencies.Health,
        SubmittedBy = "integration-test",
        RecordedAt = DateTimeOffset.UtcNow,
    };

    public static HealthAssessmentCompleted CompletedEvent(Guid assessmentId, string childKey, DateOnly completedOn, DateTimeOffset? occurredAt = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        SourceAgency = Agencies.Health,
        ChildKey = childKey,
        AssessmentId = assessmentId,
        AssessmentType = HealthAssessmentType.Initial,
        DueDate = new DateOnly(2026, 10, 10),
        CompletedOn = completedOn,
    };
}
