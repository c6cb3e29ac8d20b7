using static Partnership.Board.Indicators.Measures.Cohorts;

namespace Partnership.Board.Indicators.Measures;

/// <summary>
/// Every computed measure the plans may name. Cohorts follow the DfE definitions where one exists; where an event
/// carries only part of what DfE uses, the comment says what was approximated.
/// </summary>
public static class MeasureCatalogue
{
    private const string InPeriod = "on_date BETWEEN @from AND @to";

    /// <summary>
    /// Tie-breaker after <c>on_date DESC</c> wherever a measure takes a child's latest fact: two facts of one kind on one
    /// day (a correction recorded the same day) must resolve the same way in every run and every rebuild, not by row order.
    /// </summary>
    private static string Latest(string alias = "") =>
        alias.Length == 0 ? "occurred_at DESC, key DESC" : $"{alias}.occurred_at DESC, {alias}.key DESC";

    private static Measure Pct(string id, string sql) => new(id, MeasureShape.Percentage, sql);
    private static Measure Count(string id, string sql) => new(id, MeasureShape.Count, sql);
    private static Measure Avg(string id, string sql) => new(id, MeasureShape.AverageDays, sql);

    private static string Share(string kind, string met, string extra = "") =>
        $"""SELECT count(*) FILTER (WHERE {met}) AS "Numerator", count(*) AS "Denominator" FROM child_facts WHERE kind = '{kind}' AND {InPeriod} {extra}""";

    private static string Counted(string kind, string where) =>
        $"""SELECT count(*) AS "Numerator", NULL::bigint AS "Denominator" FROM child_facts WHERE kind = '{kind}' AND {InPeriod} AND {where}""";

    /// <summary>Looked-after children at @to meeting <paramref name="met"/> (SQL over alias la), optionally narrowed.</summary>
    private static string LookedAfterShare(string met, string cohort = "TRUE") =>
        $"""WITH {LookedAfter} SELECT count(*) FILTER (WHERE {met}) AS "Numerator", count(*) AS "Denominator" FROM looked_after la WHERE {cohort}""";

    private static string Exists(string kind, string child, string dateWindow, string extra = "") =>
        $"EXISTS (SELECT 1 FROM child_facts x WHERE x.kind = '{kind}' AND x.child = {child} AND {dateWindow} {extra})";

    private static string LatestFlag(string kind, string child) =>
        $"(SELECT x.flag FROM child_facts x WHERE x.kind = '{kind}' AND x.child = {child} AND x.on_date <= @to ORDER BY x.on_date DESC, {Latest("x")} LIMIT 1) IS TRUE";

    /// <summary>The latest record of a care leaver in the period, for those aged 17 to 21 (the OC3 ages).</summary>
    private static string LatestCareLeaverShare(string kind) => $"""
        SELECT count(*) FILTER (WHERE flag) AS "Numerator", count(*) AS "Denominator"
        FROM (SELECT DISTINCT ON (child) flag, number2 FROM child_facts WHERE kind = '{kind}' AND {InPeriod} ORDER BY child, on_date DESC, {Latest()}) latest
        WHERE number2 BETWEEN 17 AND 21
        """;

    private static string AdoptionShare(string inPeriodMilestones, string startMilestone, string endMilestone, int withinDays, string startDate) => $"""
        SELECT count(*) FILTER (WHERE e.on_date - {startDate} <= {withinDays}) AS "Numerator", count(*) AS "Denominator"
        FROM (SELECT DISTINCT child FROM child_facts WHERE kind = 'Adoption' AND number IN ({inPeriodMilestones}) AND {InPeriod}) c
        LEFT JOIN child_facts e ON e.kind = 'Adoption' AND e.child = c.child AND e.number = {endMilestone}
        LEFT JOIN child_facts s ON s.kind = 'Adoption' AND s.child = c.child AND s.number = {startMilestone}
        """;

    private static string AverageDaysBetween(int fromMilestone, int toMilestone) => $"""
        SELECT COALESCE(sum(t.on_date - f.on_date), 0) AS "Numerator", count(*) AS "Denominator"
        FROM child_facts t JOIN child_facts f ON f.kind = 'Adoption' AND f.child = t.child AND f.number = {fromMilestone}
        WHERE t.kind = 'Adoption' AND t.number = {toMilestone} AND t.{InPeriod}
        """;

    private static string Immunisations(int milestone, string ages) =>
        Share("Immunisation", "flag", $"AND number = {milestone} AND number2 IN ({ages})");

    public static readonly IReadOnlyDictionary<string, Measure> All = new Measure[]
    {
        // SP1
        Pct("reviews-on-time", Share("ReviewHeld", "on_date <= other_date")),
        Pct("reviews-participated", Share("ReviewHeld", "code <> 'PN0'")),
        Pct("ha-wishes-recorded", """
            SELECT count(*) FILTER (WHERE "WishesAndFeelingsRecorded") AS "Numerator", count(*) AS "Denominator"
            FROM health_assessment_facts WHERE "CompletedOn" BETWEEN @from AND @to
            """),
        Pct("health-assessments-timely", """
            SELECT count(*) FILTER (WHERE "WithinTimescale") AS "Numerator", count(*) AS "Denominator"
            FROM health_assessment_facts WHERE "CompletedOn" BETWEEN @from AND @to
            """),

        // SP2: a PEP is current when completed in the last two terms (about six months).
        Pct("pep-current", LookedAfterShare(Exists("PepCompleted", "la.child", $"x.on_date > {SixMonthsBefore} AND x.on_date <= @to"))),
        Pct("attainment-5ac", Share("Attainment", "flag", "AND number = 4 AND flag3")),
        Pct("attainment-5ac-em", Share("Attainment", "flag2", "AND number = 4 AND flag3")),
        Pct("admissions-within-20-days", Share("SchoolAdmission", "number <= 20")),
        new("absence-overall", MeasureShape.SessionRate,
            $"""SELECT COALESCE(sum(number2 + number3), 0) AS "Numerator", COALESCE(sum(number), 0) AS "Denominator" FROM child_facts WHERE kind = 'AttendanceWeek' AND {InPeriod}"""),
        new("absence-authorised", MeasureShape.SessionRate,
            $"""SELECT COALESCE(sum(number2), 0) AS "Numerator", COALESCE(sum(number), 0) AS "Denominator" FROM child_facts WHERE kind = 'AttendanceWeek' AND {InPeriod}"""),
        new("absence-unauthorised", MeasureShape.SessionRate,
            $"""SELECT COALESCE(sum(number3), 0) AS "Numerator", COALESCE(sum(number), 0) AS "Denominator" FROM child_facts WHERE kind = 'AttendanceWeek' AND {InPeriod}"""),
        // Persistent absence: missing 10% or more of possible sessions in the period.
        Pct("persistent-absence", $"""
            SELECT count(*) FILTER (WHERE missed * 10 >= possible) AS "Numerator", count(*) AS "Denominator"
            FROM (SELECT sum(number) AS possible, sum(number2 + number3) AS missed FROM child_facts
                  WHERE kind = 'AttendanceWeek' AND {InPeriod} GROUP BY child) per_child
            WHERE possible > 0
            """),
        Pct("eet-17-21", LatestCareLeaverShare("CareLeaverActivity")),

        // SP3: a plan "completed/authorised in the preceding 6 months" counts on either date, so an authorisation given
        // after @to cannot take a plan completed inside the window back out of it.
        Pct("pathway-plans", $"""
            SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_facts p WHERE p.kind = 'PathwayPlan' AND p.child = l.child
                       AND ((p.on_date > {SixMonthsBefore} AND p.on_date <= @to)
                            OR (p.other_date > {SixMonthsBefore} AND p.other_date <= @to)))) AS "Numerator",
                   count(*) AS "Denominator"
            FROM (SELECT DISTINCT ON (child) child, number FROM child_facts WHERE kind = 'BecameCareLeaver' AND on_date <= @to
                  ORDER BY child, on_date DESC, {Latest()}) l
            WHERE l.number IN (1, 2, 3)
            """),
        Pct("living-skills", LookedAfterShare(Exists("LivingSkills", "la.child", "x.on_date <= @to"))),
        Pct("suitable-accommodation", LatestCareLeaverShare("CareLeaverAccommodation")),
        Count("staying-put", $"""
            SELECT count(*) FILTER (WHERE flag) AS "Numerator", NULL::bigint AS "Denominator"
            FROM (SELECT DISTINCT ON (child) flag FROM child_facts WHERE kind = 'StayingPut' AND on_date <= @to ORDER BY child, on_date DESC, {Latest()}) latest
            """),

        // SP4: OC2 CONVICTED is the DfE measure for children aged 10+ in the 12-month cohort, counted from the year's current import.
        Pct("oc2-convicted", $"""
            SELECT count(*) FILTER (WHERE f.flag2) AS "Numerator", count(*) AS "Denominator"
            FROM child_facts f JOIN ssda903_imports i ON i.collection_year = f.number AND i.import_id = f.import_id
            WHERE f.kind = 'Oc2' AND f.{InPeriod} AND f.number2 >= 10 AND f.flag2 IS NOT NULL
            """),
        Count("cse-referrals", Counted("ExploitationReferral", "number = 1")),
        // A return interview is undertaken when accepted and completed.
        Pct("return-interviews", $"""
            SELECT count(*) FILTER (WHERE r.flag AND r.other_date IS NOT NULL) AS "Numerator", count(*) AS "Denominator"
            FROM child_facts m LEFT JOIN child_facts r ON r.kind = 'ReturnInterview' AND r.key = m.key
            WHERE m.kind = 'MissingEnded' AND m.{InPeriod}
            """),

        // SP5: "up to date" means within the 12 months to @to, for children looked after continuously for 12 months (OC2-like).
        Pct("health-assessments-up-to-date", LookedAfterShare(
            $"""EXISTS (SELECT 1 FROM health_assessment_facts h WHERE h."ChildPseudonym" = la.child AND h."CompletedOn" > {TwelveMonthsBefore} AND h."CompletedOn" <= @to)""",
            $"la.entered_on <= {TwelveMonthsBefore}")),
        Pct("gp-registered", LookedAfterShare(LatestFlag("GpRegistration", "la.child"))),
        Pct("dental-checks", LookedAfterShare(
            Exists("DentalCheck", "la.child", $"x.on_date > {TwelveMonthsBefore} AND x.on_date <= @to"), $"la.entered_on <= {TwelveMonthsBefore}")),
        Pct("dentist-registered", LookedAfterShare(LatestFlag("DentalCheck", "la.child"), "la.age_now >= 2")),
        Pct("immunisations-initial", Immunisations(1, "2, 5")),
        Pct("immunisations-after-year", Immunisations(2, "2, 5")),
        Pct("immunisations-hpv", Immunisations(3, "18")),
        Pct("immunisations-preschool-booster", Immunisations(4, "18")),
        Pct("sdq-up-to-date", LookedAfterShare(
            Exists("Sdq", "la.child", $"x.on_date > {TwelveMonthsBefore} AND x.on_date <= @to"),
            $"la.entered_on <= {TwelveMonthsBefore} AND la.age_now BETWEEN 4 AND 16")),
        // Children with a score of 17+ in the period and no therapeutic support, referred to CAMHS on or after that score.
        Pct("abnormal-sdq-referred", $"""
            SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_facts c WHERE c.kind = 'Camhs' AND c.child = s.child AND c.number = 1 AND c.on_date >= s.first_on)) AS "Numerator",
                   count(*) AS "Denominator"
            FROM (SELECT child, min(on_date) AS first_on FROM child_facts
                  WHERE kind = 'Sdq' AND number >= 17 AND flag IS NOT TRUE AND {InPeriod} GROUP BY child) s
            """),
        Pct("camhs-outcome-offered", $"""
            SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_facts o WHERE o.kind = 'Camhs' AND o.code = r.code AND o.number >= 2)) AS "Numerator",
                   count(*) AS "Denominator"
            FROM child_facts r WHERE r.kind = 'Camhs' AND r.number = 1 AND r.{InPeriod}
            """),
        Pct("camhs-outcome-completed", $"""
            SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_facts o WHERE o.kind = 'Camhs' AND o.code = r.code AND o.number = 3)) AS "Numerator",
                   count(*) AS "Denominator"
            FROM child_facts r WHERE r.kind = 'Camhs' AND r.number = 1 AND r.{InPeriod}
            """),

        // SP6: SSDA903 REC codes E11/E12 adoption, E43/E44 special guardianship, E45/E46 child arrangements order.
        Count("discharges-adoption", Counted("CareCeased", "code IN ('E11', 'E12')")),
        Count("discharges-sgo", Counted("CareCeased", "code IN ('E43', 'E44')")),
        Count("discharges-cao", Counted("CareCeased", "code IN ('E45', 'E46')")),
        // Adoption milestones: 1 best interest decision, 2 plan approved, 3 placement order, 4 match, 5 placed, 6 adopted, 7 revoked.
        Pct("adopted-placed-within-426", AdoptionShare("6", "5", "5", 426, "e.other_date")),
        Pct("placed-or-adopted-within-426", AdoptionShare("5, 6", "5", "5", 426, "e.other_date")),
        Pct("adopted-matched-within-121", AdoptionShare("6", "3", "4", 121, "s.on_date")),
        Pct("matched-within-121", AdoptionShare("4, 5, 6", "3", "4", 121, "s.on_date")),
        Count("adoption-plans-revoked", Counted("Adoption", "number = 7")),
        Avg("days-decision-to-plan", AverageDaysBetween(1, 2)),
        Avg("days-plan-to-match", AverageDaysBetween(2, 4)),
        Avg("days-match-to-placement", AverageDaysBetween(4, 5)),
        // Placements in the 12 months to @to: the one held at the window's start plus every entry and move inside it.
        Pct("three-plus-placements", $"""
            WITH {LookedAfter}
            SELECT count(*) FILTER (WHERE placements >= 3) AS "Numerator", count(*) AS "Denominator"
            FROM (SELECT (CASE WHEN la.entered_on <= {TwelveMonthsBefore} THEN 1 ELSE 0 END)
                       + (SELECT count(*) FROM child_facts x WHERE x.kind IN ('CareEntered', 'PlacementChanged') AND x.child = la.child
                          AND x.on_date > {TwelveMonthsBefore} AND x.on_date <= @to) AS placements
                  FROM looked_after la) p
            """),
        // DfE long-term stability: under 16, looked after 2.5 years or more, in the same placement for 2 years.
        Pct("long-term-stability", LookedAfterShare(
            """
            COALESCE((SELECT max(x.on_date) FROM child_facts x WHERE x.kind = 'PlacementChanged' AND x.child = la.child
                      AND x.on_date >= la.entered_on AND x.on_date <= @to), la.entered_on) <= (@to - interval '24 months')::date
            """,
            "la.age_now < 16 AND la.entered_on <= (@to - interval '30 months')::date")),
        Pct("school-moves", LookedAfterShare(Exists("SchoolMove", "la.child", $"x.on_date > {TwelveMonthsBefore} AND x.on_date <= @to"))),

        // SP7: foster placements (PLACE U1–U6) with the council's own carers (PR1) or independent agencies (PR4, PR5).
        Pct("ifa-placements", $"""
            WITH {CurrentPlacement}
            SELECT count(*) FILTER (WHERE provider IN (4, 5)) AS "Numerator", count(*) AS "Denominator"
            FROM current_placement WHERE place LIKE 'U%' AND provider IN (1, 4, 5)
            """),
        Pct("within-20-miles", $"""
            WITH {CurrentPlacement}
            SELECT count(*) FILTER (WHERE within20) AS "Numerator", count(*) AS "Denominator"
            FROM current_placement WHERE within20 IS NOT NULL
            """),
    }.ToDictionary(m => m.Id);
}
