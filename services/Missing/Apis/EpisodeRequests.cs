namespace Partnership.Missing.Apis;

// Enums travel as strings so an unknown value is a field error rather than an unreadable body.

/// <summary>A child has been reported missing (Type = Missing) or away without authorisation (Type = Absent).</summary>
public sealed record StartEpisodeRequest(string? ChildKey, string? Type, string? Risk, DateTimeOffset? StartedAt, string? ReportedBy);

/// <summary>The child has returned or been found.</summary>
public sealed record EndEpisodeRequest(DateTimeOffset? EndedAt, string? FoundBy);

/// <summary>
/// The return home interview: when it was offered, whether the child accepted, and (if held) when and by whom.
/// Concern defaults to None.
/// </summary>
public sealed record ReturnInterviewRequest(DateTimeOffset? OfferedAt, bool? Accepted, DateOnly? CompletedOn, string? CompletedBy, string? Concern);

/// <summary>A CSE or CCE referral raised from the episode's return interview.</summary>
public sealed record ExploitationReferralRequest(string? Concern, DateOnly? RaisedOn);

public sealed record EpisodeResponse(
    Guid Id,
    string ChildKey,
    string Type,
    string Risk,
    DateTimeOffset StartedAt,
    string ReportedBy,
    DateTimeOffset? EndedAt,
    string? FoundBy,
    string Status,
    DateTimeOffset? InterviewDueBy,
    ReturnInterviewResponse? Interview,
    IReadOnlyList<ExploitationReferralResponse> Referrals);

public sealed record ReturnInterviewResponse(
    DateTimeOffset OfferedAt,
    bool OfferedWithinTimescale,
    bool Accepted,
    DateOnly? CompletedOn,
    string? CompletedBy,
    string Concern,
    string RecordedByAgency,
    DateTimeOffset? AmendedAt,
    DateTimeOffset? ClosedAt);

public sealed record ExploitationReferralResponse(Guid Id, string Concern, DateOnly RaisedOn, string RaisedByAgency);
