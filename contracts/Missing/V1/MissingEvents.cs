namespace Partnership.Contracts.Missing.V1;

/// <summary>SSDA903 MISSING: M = missing, A = away from placement without authorisation.</summary>
public enum MissingEpisodeType
{
    Missing = 1,
    Absent = 2,
}

public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public sealed record MissingEpisodeStarted : IntegrationEvent
{
    public required Guid EpisodeId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required MissingEpisodeType Type { get; init; }
    public required RiskLevel Risk { get; init; }
    public required string ReportedBy { get; init; }
}

public sealed record MissingEpisodeEnded : IntegrationEvent
{
    public required Guid EpisodeId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public string? FoundBy { get; init; }
}

public enum ExploitationConcern
{
    None = 0,
    SexualExploitation = 1,
    CriminalExploitation = 2,
}

public sealed record ReturnInterviewRecorded : IntegrationEvent
{
    public required Guid EpisodeId { get; init; }
    public required DateTimeOffset ReturnedAt { get; init; }
    public required DateTimeOffset OfferedAt { get; init; }
    public required bool Accepted { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public required ExploitationConcern Concern { get; init; }
    /// <summary>Offered within 72 hours of the return (statutory guidance); computed by the missing service.</summary>
    public bool? OfferedWithinTimescale { get; init; }
}

public sealed record ExploitationReferralRaised : IntegrationEvent
{
    public required Guid ReferralId { get; init; }
    public required Guid EpisodeId { get; init; }
    public required ExploitationConcern Concern { get; init; }
    public required DateOnly RaisedOn { get; init; }
}
