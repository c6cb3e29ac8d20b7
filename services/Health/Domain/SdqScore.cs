namespace Partnership.Health.Domain;

/// <summary>A Strengths and Difficulties Questionnaire result (indicators 5.6, 5.7); SDQs are for ages 4–16.</summary>
public sealed class SdqScore : HealthRecord
{
    public const int MinimumAge = 4;
    public const int MaximumAge = 16;
    public const int MaximumScore = 40;

    /// <summary>A total difficulties score of 17 or more is abnormal: a cause for concern that should lead to CAMHS.</summary>
    public const int ConcernThreshold = 17;

    public DateOnly CompletedOn { get; set; }
    public int Score { get; set; }
    public int AgeYears { get; set; }
    public bool ReceivingTherapeuticSupport { get; set; }

    public bool CauseForConcern => Score >= ConcernThreshold;
}
