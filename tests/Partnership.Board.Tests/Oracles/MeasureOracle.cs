using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.Missing.V1;
using static Partnership.Contracts.CareRegister.V1.AdoptionMilestone;

namespace Partnership.Board.Tests.Oracles;

public enum OracleShape
{
    Percentage,
    Count,
    AverageDays,
}

/// <summary>What a measure should give for a period: the raw counts and what may be published of them.</summary>
public sealed record Expected(long Numerator, long? Denominator, OracleShape Shape)
{
    private static bool Small(long n) => n is > 0 and < 5;

    public bool NumeratorHidden => Shape switch
    {
        OracleShape.Count => Small(Numerator),
        OracleShape.AverageDays => Small(Denominator!.Value),
        _ => Small(Denominator!.Value) || Small(Numerator) || Small(Denominator!.Value - Numerator),
    };

    public bool DenominatorHidden => Shape != OracleShape.Count && Small(Denominator!.Value);

    /// <summary>Percentages and averages to one decimal place, halves rounded away from zero as official statistics are.</summary>
    public decimal? Value => NumeratorHidden ? null : Shape switch
    {
        OracleShape.Count => Numerator,
        OracleShape.AverageDays => Denominator > 0 ? Math.Round((decimal)Numerator / Denominator.Value, 1, MidpointRounding.AwayFromZero) : null,
        _ => Denominator > 0 ? Math.Round(100m * Numerator / Denominator.Value, 1, MidpointRounding.AwayFromZero) : null,
    };

    public override string ToString() => $"{Numerator}/{Denominator?.ToString() ?? "-"} ({Shape})";
}

/// <summary>
/// Each measure's answer worked out from the <see cref="World"/> by the definition the board states for it, in plain
/// C# over what happened rather than over the board's facts. Dates are inclusive; "in the N months to the period end"
/// means after the same day N months earlier and on or before the end.
/// </summary>
public static class MeasureOracle
{
    private delegate Expected Rule(World world, DateOnly from, DateOnly to);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["pep-current"] = (w, _, to) => LookedAfter(w, to, c => w.Peps.Any(p => p.Child == c.Child && InMonthsTo(p.CompletedOn, to, 6))),
        ["attainment-5ac"] = (w, from, to) => Share(GcseResults(w, from, to), r => r.FiveAToC),
        ["attainment-5ac-em"] = (w, from, to) => Share(GcseResults(w, from, to), r => r.FiveAToCWithEnglishAndMaths),
        ["admissions-within-20-days"] = (w, from, to) => Share(w.Admissions.Where(a => In(a.AdmittedOn, from, to)), a => a.SchoolDays <= 20),
        ["pathway-plans"] = (w, _, to) => Share(PathwayPlanCohort(w, to),
            child => w.PathwayPlans.Any(p => p.Child == child && (InMonthsTo(p.CompletedOn, to, 6) || (p.AuthorisedOn is { } a && InMonthsTo(a, to, 6))))),
        ["living-skills"] = (w, _, to) => LookedAfter(w, to, c => w.LivingSkills.Any(l => l.Child == c.Child && l.StartedOn <= to)),
        ["staying-put"] = (w, _, to) => Count(w.StayingPut.Where(s => s.On <= to).GroupBy(s => s.Child).Count(g => g.MaxBy(s => s.On)!.In)),
        ["cse-referrals"] = (w, from, to) => Count(w.ExploitationReferrals
            .Count(r => r.Concern == ExploitationConcern.SexualExploitation && In(r.RaisedOn, from, to))),
        ["gp-registered"] = (w, _, to) => LookedAfter(w, to, c => Latest(w.GpRecords.Where(g => g.Child == c.Child && g.On <= to), g => g.On)?.Registered == true),
        ["dental-checks"] = (w, _, to) => LookedAfter(w, to,
            c => w.DentalChecks.Any(d => d.Child == c.Child && InMonthsTo(d.On, to, 12)), c => TwelveMonths(c, to)),
        ["dentist-registered"] = (w, _, to) => LookedAfter(w, to,
            c => Latest(w.DentalChecks.Where(d => d.Child == c.Child && d.On <= to), d => d.On)?.RegisteredWithDentist == true,
            c => World.AgeOn(c.Born, to) >= 2),
        ["immunisations-initial"] = (w, from, to) => Immunised(w, from, to, ImmunisationMilestone.InitialAssessment, 2, 5),
        ["immunisations-after-year"] = (w, from, to) => Immunised(w, from, to, ImmunisationMilestone.AfterOneYearInCare, 2, 5),
        ["immunisations-hpv"] = (w, from, to) => Immunised(w, from, to, ImmunisationMilestone.Hpv, 18),
        ["immunisations-preschool-booster"] = (w, from, to) => Immunised(w, from, to, ImmunisationMilestone.PreschoolBooster, 18),
        ["sdq-up-to-date"] = (w, _, to) => LookedAfter(w, to,
            c => w.Sdqs.Any(s => s.Child == c.Child && InMonthsTo(s.On, to, 12)),
            c => TwelveMonths(c, to) && World.AgeOn(c.Born, to) is >= 4 and <= 16),
        ["abnormal-sdq-referred"] = (w, from, to) => Share(
            w.Sdqs.Where(s => s.Score >= 17 && !s.TherapeuticSupport && In(s.On, from, to)).GroupBy(s => s.Child).Select(g => (Child: g.Key, First: g.Min(s => s.On))),
            s => w.Camhs.Any(c => c.Child == s.Child && c.Stage == CamhsReferralStage.Referred && c.On >= s.First)),
        ["camhs-outcome-offered"] = (w, from, to) => Share(CamhsReferrals(w, from, to),
            r => w.Camhs.Any(c => c.Referral == r.Referral && c.Stage is CamhsReferralStage.OutcomeMeasureOffered or CamhsReferralStage.OutcomeMeasureCompleted)),
        ["camhs-outcome-completed"] = (w, from, to) => Share(CamhsReferrals(w, from, to),
            r => w.Camhs.Any(c => c.Referral == r.Referral && c.Stage == CamhsReferralStage.OutcomeMeasureCompleted)),
        ["discharges-adoption"] = (w, from, to) => Discharges(w, from, to, "E11", "E12"),
        ["discharges-sgo"] = (w, from, to) => Discharges(w, from, to, "E43", "E44"),
        ["discharges-cao"] = (w, from, to) => Discharges(w, from, to, "E45", "E46"),
        ["adopted-placed-within-426"] = (w, from, to) => Journeys(w, from, to, [Adopted], PlacedWithin426),
        ["placed-or-adopted-within-426"] = (w, from, to) => Journeys(w, from, to, [PlacedForAdoption, Adopted], PlacedWithin426),
        ["adopted-matched-within-121"] = (w, from, to) => Journeys(w, from, to, [Adopted], MatchedWithin121),
        ["matched-within-121"] = (w, from, to) => Journeys(w, from, to, [MatchApproved, PlacedForAdoption, Adopted], MatchedWithin121),
        ["adoption-plans-revoked"] = (w, from, to) => Count(w.Adoptions.Count(a => a.Milestone == PlanRevoked && In(a.On, from, to))),
        ["days-decision-to-plan"] = (w, from, to) => AverageDays(w, from, to, BestInterestDecision, PlanApprovedByDecisionMaker),
        ["days-plan-to-match"] = (w, from, to) => AverageDays(w, from, to, PlanApprovedByDecisionMaker, MatchApproved),
        ["days-match-to-placement"] = (w, from, to) => AverageDays(w, from, to, MatchApproved, PlacedForAdoption),
        ["school-moves"] = (w, _, to) => LookedAfter(w, to, c => w.SchoolMoves.Any(m => m.Child == c.Child && InMonthsTo(m.On, to, 12))),
    };

    public static IEnumerable<string> Measures => Rules.Keys;

    public static Expected For(string measure, World world, DateOnly from, DateOnly to) => Rules[measure](world, from, to);

    private static bool In(DateOnly date, DateOnly from, DateOnly to) => date >= from && date <= to;

    private static bool InMonthsTo(DateOnly date, DateOnly to, int months) => date > to.AddMonths(-months) && date <= to;

    private static T? Latest<T>(IEnumerable<T> records, Func<T, DateOnly> on) where T : class => records.MaxBy(on);

    private static Expected Count(long n) => new(n, null, OracleShape.Count);

    private static Expected Share<T>(IEnumerable<T> cohort, Func<T, bool> met)
    {
        var list = cohort.ToList();
        return new(list.Count(met), list.Count, OracleShape.Percentage);
    }

    /// <summary>
    /// Children looked after at the end of the day <paramref name="on"/>: in a period of care that started by then and
    /// had not ended by then, other than an agreed series of short breaks (legal status V3/V4), as DfE counts them.
    /// </summary>
    private static IEnumerable<CareStay> LookedAfterOn(World w, DateOnly on) =>
        w.Stays.Where(s => s.Entered <= on && (s.Ceased is null || s.Ceased > on) && LegalStatusOn(w, s, on) is not ("V3" or "V4"));

    private static string LegalStatusOn(World w, CareStay stay, DateOnly on) =>
        w.LegalStatusChanges.Where(c => c.Child == stay.Child && c.On >= stay.Entered && c.On <= on).MaxBy(c => c.On)?.LegalStatus ?? stay.LegalStatus;

    /// <summary>OC2's cohort: looked after continuously for at least twelve months at the date.</summary>
    private static bool TwelveMonths(CareStay stay, DateOnly on) => stay.Entered <= on.AddMonths(-12);

    private static Expected LookedAfter(World w, DateOnly to, Func<CareStay, bool> met, Func<CareStay, bool>? cohort = null) =>
        Share(LookedAfterOn(w, to).Where(cohort ?? (_ => true)), met);

    /// <summary>Key stage 4 results of the academic year reported in the period (on 31 March), for children looked after 12 months.</summary>
    private static IEnumerable<Attainment> GcseResults(World w, DateOnly from, DateOnly to) =>
        w.Results.Where(r => r.KeyStage == 4 && r.LookedAfterTwelveMonths && In(new DateOnly(r.AcademicYear, 3, 31), from, to));

    /// <summary>Care leavers whose latest status by the period end is eligible, relevant or former relevant.</summary>
    private static IEnumerable<string> PathwayPlanCohort(World w, DateOnly to) =>
        w.CareLeavers.Where(s => s.On <= to).GroupBy(s => s.Child)
            .Where(g => g.MaxBy(s => s.On)!.Category is CareLeaverCategory.Eligible or CareLeaverCategory.Relevant or CareLeaverCategory.FormerRelevant)
            .Select(g => g.Key);

    /// <summary>Children whose status for the milestone was recorded in the period at one of its ages; met when up to date.</summary>
    private static Expected Immunised(World w, DateOnly from, DateOnly to, ImmunisationMilestone milestone, params int[] ages) =>
        Share(w.Immunisations.Where(i => i.Milestone == milestone && ages.Contains(i.Age) && In(i.On, from, to)), i => i.UpToDate);

    private static IEnumerable<CamhsStep> CamhsReferrals(World w, DateOnly from, DateOnly to) =>
        w.Camhs.Where(c => c.Stage == CamhsReferralStage.Referred && In(c.On, from, to));

    private static Expected Discharges(World w, DateOnly from, DateOnly to, params string[] reasons) =>
        Count(w.Stays.Count(s => s.Ceased is { } ceased && In(ceased, from, to) && reasons.Contains(s.Reason)));

    private static DateOnly? On(IEnumerable<AdoptionStep> journey, AdoptionMilestone milestone) =>
        journey.FirstOrDefault(a => a.Milestone == milestone)?.On;

    /// <summary>Adoption scorecard A1: moved in with the adoptive family within 426 days (14 months) of entering care.</summary>
    private static bool PlacedWithin426(IReadOnlyList<AdoptionStep> journey) =>
        On(journey, PlacedForAdoption) is { } placed && placed.DayNumber - journey[0].EnteredCare.DayNumber <= 426;

    /// <summary>Adoption scorecard A2: matched within 121 days (4 months) of the court's authority to place.</summary>
    private static bool MatchedWithin121(IReadOnlyList<AdoptionStep> journey) =>
        On(journey, PlacementOrder) is { } order && On(journey, MatchApproved) is { } match && match.DayNumber - order.DayNumber <= 121;

    /// <summary>Children who reached any of <paramref name="milestones"/> in the period, each counted once.</summary>
    private static Expected Journeys(World w, DateOnly from, DateOnly to, AdoptionMilestone[] milestones, Func<IReadOnlyList<AdoptionStep>, bool> met) =>
        Share(w.Adoptions.GroupBy(a => a.Child).Select(g => (IReadOnlyList<AdoptionStep>)g.ToList())
            .Where(j => j.Any(a => milestones.Contains(a.Milestone) && In(a.On, from, to))), met);

    /// <summary>Mean days between two milestones, over children who reached the second in the period having a date for the first.</summary>
    private static Expected AverageDays(World w, DateOnly from, DateOnly to, AdoptionMilestone start, AdoptionMilestone end)
    {
        var days = w.Adoptions.GroupBy(a => a.Child)
            .Select(g => (Start: On(g, start), End: On(g, end)))
            .Where(j => j.Start is not null && j.End is { } e && In(e, from, to))
            .Select(j => (long)(j.End!.Value.DayNumber - j.Start!.Value.DayNumber))
            .ToList();
        return new(days.Sum(), days.Count, OracleShape.AverageDays);
    }
}
