using Partnership.Contracts.Missing.V1;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Missing.Apis;

public static class EpisodeMappings
{
    public static EpisodeResponse ToResponse(this MissingEpisode e) => new(
        e.Id, e.ChildKey, e.Type.ToString(), e.Risk.ToString(), e.StartedAt, e.ReportedBy.ToString(), e.EndedAt, e.FoundBy?.ToString(),
        e.IsOpen ? "Open" : "Returned",
        e.EndedAt + MissingEpisode.InterviewTimescale,
        e.Interview is { } i
            ? new ReturnInterviewResponse(i.OfferedAt, i.OfferedWithinTimescale, i.Accepted, i.CompletedOn, i.CompletedBy?.ToString(),
                i.Concern.ToString(), i.RecordedByAgency, i.AmendedAt, i.ClosedAt)
            : null,
        e.Referrals.OrderBy(r => r.RaisedOn).ThenBy(r => r.Id)
            .Select(r => new ExploitationReferralResponse(r.Id, r.Concern.ToString(), r.RaisedOn, r.RaisedByAgency)).ToList());

    /// <summary>A new episode from a validated request (the validator has checked every name it parses).</summary>
    public static MissingEpisode ToEpisode(this StartEpisodeRequest request, string agency, string caller, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = request.ChildKey!,
        Type = PartnershipRules.ParseName<MissingEpisodeType>(request.Type!),
        Risk = PartnershipRules.ParseName<RiskLevel>(request.Risk!),
        StartedAt = request.StartedAt!.Value,
        ReportedBy = PartnershipRules.ParseName<ReporterRole>(request.ReportedBy!),
        StartedByAgency = agency,
        StartedBy = caller,
        RecordedAt = now,
    };

    public static MissingEpisodeStarted ToStartedEvent(this MissingEpisode e, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = now,
        SourceAgency = e.StartedByAgency,
        ChildKey = e.ChildKey,
        EpisodeId = e.Id,
        StartedAt = e.StartedAt,
        Type = e.Type,
        Risk = e.Risk,
        ReportedBy = e.ReportedBy.ToString(),
    };

    public static MissingEpisodeEnded ToEndedEvent(this MissingEpisode e, string agency, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = now,
        SourceAgency = agency,
        ChildKey = e.ChildKey,
        EpisodeId = e.Id,
        StartedAt = e.StartedAt,
        EndedAt = e.EndedAt!.Value,
        FoundBy = e.FoundBy?.ToString(),
    };

    /// <summary>Published on recording and on every amendment; consumers keep the latest per episode.</summary>
    public static ReturnInterviewRecorded ToInterviewEvent(this MissingEpisode e, string agency, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = now,
        SourceAgency = agency,
        ChildKey = e.ChildKey,
        EpisodeId = e.Id,
        ReturnedAt = e.EndedAt!.Value,
        OfferedAt = e.Interview!.OfferedAt,
        Accepted = e.Interview.Accepted,
        CompletedOn = e.Interview.CompletedOn,
        Concern = e.Interview.Concern,
        OfferedWithinTimescale = e.Interview.OfferedWithinTimescale,
    };

    public static ExploitationReferralRaised ToRaisedEvent(this ExploitationReferral r, string childKey, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = now,
        SourceAgency = r.RaisedByAgency,
        ChildKey = childKey,
        ReferralId = r.Id,
        EpisodeId = r.EpisodeId,
        Concern = r.Concern,
        RaisedOn = r.RaisedOn,
    };
}
