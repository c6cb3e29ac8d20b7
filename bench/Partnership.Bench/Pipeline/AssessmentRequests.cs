using Partnership.Health.Apis;

namespace Partnership.Bench.Pipeline;

/// <summary>Deterministic, valid, synthetic initial health assessments: child keys name the run, so facts are countable by id.</summary>
public static class AssessmentRequests
{
    public static RecordHealthAssessmentRequest Create(string runTag, int i)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var completed = today.AddDays(-(i % 60) - 1);
        return new RecordHealthAssessmentRequest(
            ChildKey: $"BENCH-{runTag}-{i}",
            AssessmentType: "Initial",
            DueDate: completed.AddDays(i % 7 == 0 ? -3 : 5),
            CompletedOn: completed,
            DentalCheckUpToDate: i % 3 != 0,
            ImmunisationsUpToDate: i % 5 != 0,
            SdqScore: i % 41,
            WishesAndFeelingsRecorded: i % 2 == 0);
    }
}
