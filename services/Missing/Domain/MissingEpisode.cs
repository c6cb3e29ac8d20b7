using Partnership.Contracts.Missing.V1;

namespace Partnership.Missing.Domain;

/// <summary>
/// A period a child in care was missing (SSDA903 MISSING = M) or away from placement without authorisation (A).
/// Open until the child returns; the return starts the 72-hour clock for offering a return home interview.
/// </summary>
public sealed class MissingEpisode
{
    public static readonly TimeSpan InterviewTimescale = TimeSpan.FromHours(72);

    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public MissingEpisodeType Type { get; set; }
    public RiskLevel Risk { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public ReporterRole ReportedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public FinderRole? FoundBy { get; set; }
    public required string StartedByAgency { get; set; }
    public required string StartedBy { get; set; }
    public string? EndedByAgency { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public ReturnInterview? Interview { get; set; }
    public List<ExploitationReferral> Referrals { get; set; } = [];
    /// <summary>PostgreSQL xmin, so two systems changing the same episode at once cannot both win.</summary>
    public uint Version { get; set; }

    public bool IsOpen => EndedAt is null;

    public Refusal? End(DateTimeOffset endedAt, FinderRole? foundBy, string agency)
    {
        if (!IsOpen)
        {
            return Refusal.Conflict("The episode has already ended.");
        }
        if (endedAt < StartedAt)
        {
            return Refusal.OnField("EndedAt", "'Ended At' cannot be before the episode started.");
        }
        EndedAt = endedAt;
        FoundBy = foundBy;
        EndedByAgency = agency;
        return null;
    }

    public Refusal? RecordInterview(ReturnInterview interview)
    {
        if (EndedAt is not { } returnedAt)
        {
            return Refusal.Conflict("A return interview can only be recorded after the child has returned.");
        }
        if (Interview is not null)
        {
            return Refusal.Conflict("A return interview is already recorded for this episode; the missing team amends it.");
        }
        if (interview.OfferedAt < returnedAt)
        {
            return Refusal.OnField("OfferedAt", "'Offered At' cannot be before the child returned.");
        }
        interview.OfferedWithinTimescale = OfferedInTime(returnedAt, interview.OfferedAt);
        Interview = interview;
        return null;
    }

    public Refusal? AmendInterview(DateTimeOffset offeredAt, bool accepted, DateOnly? completedOn, InterviewerRole? completedBy,
        ExploitationConcern concern, DateTimeOffset now)
    {
        if (Interview is null)
        {
            return Refusal.Conflict("No return interview is recorded for this episode.");
        }
        if (Interview.ClosedAt is not null)
        {
            return Refusal.Conflict("The return interview record is closed.");
        }
        if (offeredAt < EndedAt!.Value)
        {
            return Refusal.OnField("OfferedAt", "'Offered At' cannot be before the child returned.");
        }
        Interview.OfferedAt = offeredAt;
        Interview.OfferedWithinTimescale = OfferedInTime(EndedAt.Value, offeredAt);
        Interview.Accepted = accepted;
        Interview.CompletedOn = completedOn;
        Interview.CompletedBy = completedBy;
        Interview.Concern = concern;
        Interview.AmendedAt = now;
        return null;
    }

    public Refusal? CloseInterview(string closedBy, DateTimeOffset now)
    {
        if (Interview is null)
        {
            return Refusal.Conflict("No return interview is recorded for this episode.");
        }
        if (Interview.ClosedAt is not null)
        {
            return Refusal.Conflict("The return interview record is already closed.");
        }
        Interview.ClosedAt = now;
        Interview.ClosedBy = closedBy;
        return null;
    }

    public Refusal? RaiseReferral(ExploitationReferral referral)
    {
        if (Interview is null)
        {
            return Refusal.Conflict("An exploitation referral is raised from a return interview; none is recorded for this episode.");
        }
        if (Interview.Concern == ExploitationConcern.None)
        {
            return Refusal.Conflict("The return interview recorded no exploitation concern; amend it before raising a referral.");
        }
        if (referral.RaisedOn < DateOnly.FromDateTime(EndedAt!.Value.UtcDateTime))
        {
            return Refusal.OnField("RaisedOn", "'Raised On' cannot be before the child returned.");
        }
        Referrals.Add(referral);
        return null;
    }

    /// <summary>Statutory guidance: the interview is offered within 72 hours of the child's return.</summary>
    public static bool OfferedInTime(DateTimeOffset returnedAt, DateTimeOffset offeredAt) => offeredAt - returnedAt <= InterviewTimescale;
}
