using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.Missing.V1;

namespace Partnership.Board.Tests.Oracles;

// What really happened to the synthetic children, as the agencies finally recorded it. The events the board receives
// are derived from these records (with duplicates, corrections and stale versions mixed in), and the expected answers
// are worked out from them directly, so neither side reads the other's representation.

/// <summary>One period of care; a child who returned home and came back has two.</summary>
public sealed record CareStay(string Child, DateOnly Born, DateOnly Entered, DateOnly? Ceased, string? Reason, string LegalStatus)
{
    public int AgeAtEntry => World.AgeOn(Born, Entered);
}

/// <summary>A change of legal status within a period of care (to or from V3/V4 short breaks, say).</summary>
public sealed record LegalStatusChange(string Child, DateOnly On, string LegalStatus);

public sealed record Pep(string Child, Guid Id, DateOnly CompletedOn);

public sealed record Attainment(string Child, int AcademicYear, int KeyStage, bool FiveAToC, bool FiveAToCWithEnglishAndMaths, bool LookedAfterTwelveMonths);

public sealed record Admission(string Child, DateOnly RequestedOn, DateOnly AdmittedOn, int SchoolDays);

public sealed record CareLeaverStatus(string Child, DateOnly On, CareLeaverCategory Category);

public sealed record PathwayPlan(string Child, Guid Id, DateOnly CompletedOn, DateOnly? AuthorisedOn);

public sealed record LivingSkills(string Child, DateOnly StartedOn);

public sealed record StayingPut(string Child, DateOnly On, bool In);

public sealed record ExploitationReferral(string Child, Guid Id, ExploitationConcern Concern, DateOnly RaisedOn);

public sealed record GpRecord(string Child, DateOnly On, bool Registered);

public sealed record DentalCheck(string Child, DateOnly On, bool RegisteredWithDentist);

public sealed record Immunisation(string Child, ImmunisationMilestone Milestone, DateOnly On, int Age, bool UpToDate);

public sealed record Sdq(string Child, DateOnly On, int Score, int Age, bool TherapeuticSupport);

public sealed record CamhsStep(string Child, Guid Referral, CamhsReferralStage Stage, DateOnly On);

public sealed record AdoptionStep(string Child, AdoptionMilestone Milestone, DateOnly On, DateOnly EnteredCare);

public sealed record SchoolMove(string Child, DateOnly On);

public sealed class World
{
    public List<CareStay> Stays { get; } = [];
    public List<LegalStatusChange> LegalStatusChanges { get; } = [];
    public List<Pep> Peps { get; } = [];
    public List<Attainment> Results { get; } = [];
    public List<Admission> Admissions { get; } = [];
    public List<CareLeaverStatus> CareLeavers { get; } = [];
    public List<PathwayPlan> PathwayPlans { get; } = [];
    public List<LivingSkills> LivingSkills { get; } = [];
    public List<StayingPut> StayingPut { get; } = [];
    public List<ExploitationReferral> ExploitationReferrals { get; } = [];
    public List<GpRecord> GpRecords { get; } = [];
    public List<DentalCheck> DentalChecks { get; } = [];
    public List<Immunisation> Immunisations { get; } = [];
    public List<Sdq> Sdqs { get; } = [];
    public List<CamhsStep> Camhs { get; } = [];
    public List<AdoptionStep> Adoptions { get; } = [];
    public List<SchoolMove> SchoolMoves { get; } = [];

    /// <summary>Age in whole years on a date, from the date of birth (which only the test knows).</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return born.AddYears(age) > on ? age - 1 : age;
    }
}
