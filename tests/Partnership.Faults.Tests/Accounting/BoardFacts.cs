namespace Partnership.Faults.Tests.Accounting;

/// <summary>
/// Where the board keeps one fact per health assessment (services/Board/Data/BoardDbContext.cs) and the queue its
/// consumer reads. If the board's schema moves, this is the one place the suite needs to follow it.
/// </summary>
public static class BoardFacts
{
    public const string Table = "health_assessment_facts";
    public const string AssessmentIdColumn = "\"AssessmentId\"";

    /// <summary>MassTransit's kebab-case endpoint name for HealthAssessmentCompletedConsumer, prefixed by the service name.</summary>
    public static string Queue(string serviceName) => $"{serviceName}-health-assessment-completed";

    /// <summary>The exception text the suite's transient-failure trigger raises, so its faults can be told apart.</summary>
    public const string InjectedFailure = "faults suite: injected transient failure";
}
