using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.LeavingCare.V1;
using Partnership.Contracts.Missing.V1;

namespace Partnership.Sharing.Tests;

/// <summary>Source events as the agencies' services would publish them.</summary>
public static class Events
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static ChildEnteredCare EnteredCare(string child, int age = 9) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "social-care", ChildKey = child,
        EnteredCareOn = new DateOnly(2026, 11, 20), LegalStatus = "C2", PlacementType = "U1", AgeYears = age,
    };

    public static MissingEpisodeStarted MissingStarted(string child, Guid episode, string source) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = source, ChildKey = child,
        EpisodeId = episode, StartedAt = DateTimeOffset.UtcNow.AddHours(-5), Type = MissingEpisodeType.Missing, Risk = RiskLevel.High,
        ReportedBy = "carer",
    };

    public static MissingEpisodeEnded MissingEnded(string child, Guid episode, string source) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = source, ChildKey = child,
        EpisodeId = episode, StartedAt = DateTimeOffset.UtcNow.AddHours(-5), EndedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
    };

    public static ReturnInterviewRecorded ReturnInterview(string child, ExploitationConcern concern) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "missing-team", ChildKey = child,
        EpisodeId = Guid.NewGuid(), ReturnedAt = DateTimeOffset.UtcNow.AddDays(-2), OfferedAt = DateTimeOffset.UtcNow.AddDays(-1),
        Accepted = true, CompletedOn = Today, Concern = concern,
    };

    public static HealthAssessmentCompleted HealthAssessment(string child) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "health", ChildKey = child,
        AssessmentId = Guid.NewGuid(), AssessmentType = HealthAssessmentType.Review, DueDate = Today, CompletedOn = Today.AddDays(-3),
        DentalCheckUpToDate = true, ImmunisationsUpToDate = true,
    };

    public static SdqScoreRecorded Sdq(string child, int score = 19) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "health", ChildKey = child,
        CompletedOn = Today, Score = score, AgeYears = 12,
    };

    public static CareLeaverContactRecorded CareLeaverContact(string child, int age) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "leaving-care", ChildKey = child,
        ContactOn = Today, InTouch = InTouchStatus.Yes, AgeYears = age,
    };
}
