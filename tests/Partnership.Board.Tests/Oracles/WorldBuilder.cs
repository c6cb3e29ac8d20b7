using System.Security.Cryptography;
using System.Text;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.LeavingCare.V1;
using Partnership.Contracts.Missing.V1;
using Partnership.Contracts.VirtualSchool.V1;

namespace Partnership.Board.Tests.Oracles;

/// <summary>How a record reaches the board.</summary>
public enum Delivery
{
    Once,
    /// <summary>The same event (same id) delivered twice, the second time in the later batch.</summary>
    Twice,
    /// <summary>Sent again by the agency as a new event with the same content.</summary>
    Resent,
    /// <summary>A wrong version first, its correction (newer) in the later batch.</summary>
    Corrected,
    /// <summary>The right version first; an older, wrong version arrives late, in the later batch.</summary>
    LateStale,
}

/// <summary>
/// Records what happened in a <see cref="World"/> and turns each record into the integration events an agency would
/// publish: a first batch, and a second batch of redeliveries, corrections and stale versions published after it.
/// </summary>
public sealed class WorldBuilder
{
    private static readonly DateTimeOffset T = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IntegrationEvent> _first = [];
    private readonly List<IntegrationEvent> _second = [];

    public World World { get; } = new();

    public IReadOnlyList<IntegrationEvent> FirstBatch => _first;

    public IReadOnlyList<IntegrationEvent> SecondBatch => _second;

    /// <summary>A stable id for a thing of the scenario (a PEP, a referral), the same on every run.</summary>
    public static Guid Id(string what) => new(SHA256.HashData(Encoding.UTF8.GetBytes(what)).AsSpan(0, 16));

    private void Emit<TRecord>(TRecord truth, Delivery how, TRecord? wrong, Func<TRecord, DateTimeOffset, IntegrationEvent> toEvent)
        where TRecord : class
    {
        if (how is Delivery.Corrected or Delivery.LateStale && wrong is null)
        {
            throw new ArgumentException($"{how} needs the wrong version of {truth}.", nameof(wrong));
        }
        switch (how)
        {
            case Delivery.Once:
                _first.Add(toEvent(truth, T));
                break;
            case Delivery.Twice:
                var once = toEvent(truth, T);
                _first.Add(once);
                _second.Add(once);
                break;
            case Delivery.Resent:
                _first.Add(toEvent(truth, T));
                _second.Add(toEvent(truth, T.AddMinutes(5)));
                break;
            case Delivery.Corrected:
                _first.Add(toEvent(wrong!, T));
                _second.Add(toEvent(truth, T.AddHours(1)));
                break;
            case Delivery.LateStale:
                _first.Add(toEvent(truth, T.AddHours(1)));
                _second.Add(toEvent(wrong!, T.AddHours(-1)));
                break;
        }
    }

    public void Stay(string child, DateOnly born, DateOnly entered, DateOnly? ceased = null, string? reason = null, string legalStatus = "C2",
        Delivery ceasedHow = Delivery.Once, string? wrongReason = null)
    {
        var stay = new CareStay(child, born, entered, ceased, reason, legalStatus);
        World.Stays.Add(stay);
        Emit(stay, Delivery.Once, null, (s, at) => new ChildEnteredCare
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = s.Child,
            EnteredCareOn = s.Entered, LegalStatus = s.LegalStatus, PlacementType = "U4", Provider = PlacementProvider.OwnLocalAuthority,
            WithinTwentyMiles = true, AgeYears = s.AgeAtEntry,
        });
        if (ceased is not null)
        {
            Emit(stay, ceasedHow, stay with { Reason = wrongReason }, (s, at) => new CeasedCare
            {
                EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = s.Child,
                CeasedOn = s.Ceased!.Value, ReasonCode = s.Reason!,
            });
        }
    }

    public void LegalStatus(string child, DateOnly on, string legalStatus)
    {
        var change = new LegalStatusChange(child, on, legalStatus);
        World.LegalStatusChanges.Add(change);
        Emit(change, Delivery.Once, null, (c, at) => new LegalStatusChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = c.Child, ChangedOn = c.On, LegalStatus = c.LegalStatus,
        });
    }

    public void Pep(string child, DateOnly completedOn, Delivery how = Delivery.Once, DateOnly? wrongOn = null)
    {
        var pep = new Pep(child, Id($"pep|{child}"), completedOn);
        World.Peps.Add(pep);
        Emit(pep, how, wrongOn is { } w ? pep with { CompletedOn = w } : null, (p, at) => new PersonalEducationPlanCompleted
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.VirtualSchool, ChildKey = p.Child,
            PepId = p.Id, CompletedOn = p.CompletedOn, DueOn = p.CompletedOn, Quality = PepQuality.Good,
        });
    }

    public void Result(Attainment result, Delivery how = Delivery.Once, Attainment? wrong = null)
    {
        World.Results.Add(result);
        Emit(result, how, wrong, (r, at) => new AttainmentRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.VirtualSchool, ChildKey = r.Child,
            AcademicYear = r.AcademicYear, KeyStage = r.KeyStage, FiveOrMoreAToC = r.FiveAToC,
            FiveOrMoreAToCIncludingEnglishAndMaths = r.FiveAToCWithEnglishAndMaths, LookedAfterTwelveMonthsAt31March = r.LookedAfterTwelveMonths,
        });
    }

    public void Admission(string child, DateOnly requestedOn, DateOnly admittedOn, int schoolDays, Delivery how = Delivery.Once, int? wrongDays = null)
    {
        var admission = new Admission(child, requestedOn, admittedOn, schoolDays);
        World.Admissions.Add(admission);
        Emit(admission, how, wrongDays is { } d ? admission with { SchoolDays = d } : null, (a, at) => new SchoolAdmissionProcessed
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.VirtualSchool, ChildKey = a.Child,
            RequestedOn = a.RequestedOn, AdmittedOn = a.AdmittedOn, SchoolDaysTaken = a.SchoolDays,
        });
    }

    public void CareLeaver(string child, DateOnly on, CareLeaverCategory category)
    {
        var status = new CareLeaverStatus(child, on, category);
        World.CareLeavers.Add(status);
        Emit(status, Delivery.Once, null, (s, at) => new BecameCareLeaver
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = s.Child, On = s.On, Category = s.Category,
        });
    }

    public void PathwayPlan(string child, DateOnly completedOn, DateOnly? authorisedOn, Delivery how = Delivery.Once, PathwayPlan? wrong = null, string plan = "1")
    {
        var record = new PathwayPlan(child, Id($"pathway|{child}|{plan}"), completedOn, authorisedOn);
        World.PathwayPlans.Add(record);
        Emit(record, how, wrong is null ? null : wrong with { Id = record.Id }, (p, at) => new PathwayPlanCompleted
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.LeavingCare, ChildKey = p.Child,
            PlanId = p.Id, CompletedOn = p.CompletedOn, AuthorisedOn = p.AuthorisedOn, AgeYears = 17,
        });
    }

    public void LivingSkills(string child, DateOnly startedOn, Delivery how = Delivery.Once, DateOnly? wrongOn = null)
    {
        var record = new LivingSkills(child, startedOn);
        World.LivingSkills.Add(record);
        Emit(record, how, wrongOn is { } w ? record with { StartedOn = w } : null, (l, at) => new LivingSkillsProgrammeStarted
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = l.Child, StartedOn = l.StartedOn,
        });
    }

    public void StayingPut(string child, DateOnly on, bool inStayingPut, Delivery how = Delivery.Once)
    {
        var record = new StayingPut(child, on, inStayingPut);
        World.StayingPut.Add(record);
        Emit(record, how, record with { In = !inStayingPut }, (s, at) => new StayingPutChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.LeavingCare, ChildKey = s.Child, On = s.On, InStayingPut = s.In,
        });
    }

    public void ExploitationReferral(string child, ExploitationConcern concern, DateOnly raisedOn, Delivery how = Delivery.Once,
        ExploitationConcern? wrongConcern = null, string referral = "1")
    {
        var record = new ExploitationReferral(child, Id($"exploitation|{child}|{referral}"), concern, raisedOn);
        World.ExploitationReferrals.Add(record);
        Emit(record, how, wrongConcern is { } w ? record with { Concern = w } : null, (r, at) => new ExploitationReferralRaised
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.MissingTeam, ChildKey = r.Child,
            ReferralId = r.Id, EpisodeId = Id($"episode|{r.Id}"), Concern = r.Concern, RaisedOn = r.RaisedOn,
        });
    }

    public void Gp(string child, DateOnly on, bool registered, Delivery how = Delivery.Once)
    {
        var record = new GpRecord(child, on, registered);
        World.GpRecords.Add(record);
        Emit(record, how, record with { Registered = !registered }, (g, at) => new GpRegistrationRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.Health, ChildKey = g.Child, RecordedOn = g.On, Registered = g.Registered,
        });
    }

    public void Dental(string child, DateOnly on, bool registeredWithDentist, Delivery how = Delivery.Once)
    {
        var record = new DentalCheck(child, on, registeredWithDentist);
        World.DentalChecks.Add(record);
        Emit(record, how, record with { RegisteredWithDentist = !registeredWithDentist }, (d, at) => new DentalCheckRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.Health, ChildKey = d.Child, CheckedOn = d.On,
            RegisteredWithDentist = d.RegisteredWithDentist,
        });
    }

    public void Immunisation(string child, ImmunisationMilestone milestone, DateOnly on, int age, bool upToDate, Delivery how = Delivery.Once)
    {
        var record = new Immunisation(child, milestone, on, age, upToDate);
        World.Immunisations.Add(record);
        Emit(record, how, record with { UpToDate = !upToDate }, (i, at) => new ImmunisationStatusRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.Health, ChildKey = i.Child,
            RecordedOn = i.On, Milestone = i.Milestone, UpToDate = i.UpToDate, AgeYears = i.Age,
        });
    }

    public void Sdq(string child, DateOnly on, int score, int age, bool therapeuticSupport = false, Delivery how = Delivery.Once, int? wrongScore = null)
    {
        var record = new Sdq(child, on, score, age, therapeuticSupport);
        World.Sdqs.Add(record);
        Emit(record, how, wrongScore is { } w ? record with { Score = w } : null, (s, at) => new SdqScoreRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.Health, ChildKey = s.Child,
            CompletedOn = s.On, Score = s.Score, AgeYears = s.Age, ReceivingTherapeuticSupport = s.TherapeuticSupport,
        });
    }

    public void Camhs(string child, CamhsReferralStage stage, DateOnly on, Delivery how = Delivery.Once, DateOnly? wrongOn = null, string referral = "1")
    {
        var record = new CamhsStep(child, Id($"camhs|{child}|{referral}"), stage, on);
        World.Camhs.Add(record);
        Emit(record, how, wrongOn is { } w ? record with { On = w } : null, (c, at) => new CamhsReferralProgressed
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.Health, ChildKey = c.Child, ReferralId = c.Referral, Stage = c.Stage, On = c.On,
        });
    }

    public void Adoption(string child, AdoptionMilestone milestone, DateOnly on, DateOnly enteredCare, Delivery how = Delivery.Once, DateOnly? wrongOn = null)
    {
        var record = new AdoptionStep(child, milestone, on, enteredCare);
        World.Adoptions.Add(record);
        Emit(record, how, wrongOn is { } w ? record with { On = w } : null, (a, at) => new AdoptionMilestoneReached
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.SocialCare, ChildKey = a.Child,
            Milestone = a.Milestone, On = a.On, EnteredCareOn = a.EnteredCare,
        });
    }

    public void SchoolMove(string child, DateOnly on, Delivery how = Delivery.Once)
    {
        var record = new SchoolMove(child, on);
        World.SchoolMoves.Add(record);
        Emit(record, how, null, (m, at) => new SchoolMoveRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = at, SourceAgency = Agencies.VirtualSchool, ChildKey = m.Child, MovedOn = m.On, FollowedPlacementMove = false,
        });
    }
}
