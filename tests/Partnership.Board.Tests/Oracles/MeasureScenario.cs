using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Contracts.Missing.V1;
using static Partnership.Contracts.CareRegister.V1.AdoptionMilestone;
using static Partnership.Contracts.Health.V1.CamhsReferralStage;

namespace Partnership.Board.Tests.Oracles;

/// <summary>
/// A synthetic authority for financial year 2016/17 (1 April 2016 to 31 March 2017), built so that every computed
/// measure the hand-worked <c>Scenario</c> does not cover has children on both sides of it, and its edges: boundary
/// dates, children who left care or came back, short breaks, records after the period, corrections, stale versions
/// arriving late and redeliveries. Keys start ORC- and are synthetic.
/// </summary>
public static class MeasureScenario
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static string K(string group, int i) => $"ORC-{group}{i:D2}";

    /// <summary>
    /// Born on the day of the year the child entered care. The board has no date of birth and estimates age as the age
    /// at entry plus whole 365-day years since; for these children that is exact on the dates the tests read (the
    /// fixture checks it).
    /// </summary>
    private static DateOnly BornFor(DateOnly entered, int ageAtEntry) => entered.AddYears(-ageAtEntry);

    public static WorldBuilder Build()
    {
        var w = new WorldBuilder();
        Care(w);
        Adoptions(w);
        Discharges(w);
        Education(w);
        CareLeavers(w);
        Exploitation(w);
        Health(w);
        Camhs(w);
        return w;
    }

    /// <summary>The children in care at 31 March 2017 and the as-at records the cohort measures read.</summary>
    private static void Care(WorldBuilder w)
    {
        // A00–A29 in care since June 2014; ages at entry put A00 at 4 and A01 at 16 on 31 March 2017 (the edges of the
        // SDQ ages), A02 at 17 and A03 at 3 (outside them).
        int[] ages = [2, 14, 15, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 6, 7, 8, 9];
        var longStay = D(2014, 6, 2);
        for (var i = 0; i < 30; i++)
        {
            w.Stay(K("A", i), BornFor(longStay, ages[i]), longStay);
        }
        // B00–B09 in care since August 2016 (not 12 months); B00 is under one and B01 one year old at the year end.
        var recent = D(2016, 8, 1);
        for (var i = 0; i < 10; i++)
        {
            w.Stay(K("B", i), BornFor(recent, i), recent);
        }
        // Edges of the looked-after cohort, each with records that would count if the cohort were wrong.
        w.Stay("ORC-XLEFT", BornFor(longStay, 8), longStay, D(2017, 1, 20), "E4A");      // left in January: in at Q3, out at the year end
        var returned = BornFor(D(2013, 5, 1), 6);
        w.Stay("ORC-XBACK", returned, D(2013, 5, 1), D(2016, 5, 10), "E4A");          // went home, came back in July 2016
        w.Stay("ORC-XBACK", returned, D(2016, 7, 4));
        w.Stay("ORC-XSHORT", BornFor(D(2015, 1, 5), 10), D(2015, 1, 5), legalStatus: "V3"); // short breaks
        w.Stay("ORC-XEND", BornFor(longStay, 7), longStay, D(2017, 3, 31), "E4A");        // ceased on the last day: not looked after at it
        w.Stay("ORC-XNEXT", BornFor(longStay, 7), longStay, D(2017, 4, 1), "E4A");        // ceased the day after: looked after
        w.Stay("ORC-X12M", BornFor(D(2016, 3, 31), 6), D(2016, 3, 31));                   // exactly 12 months at the year end
        w.Stay("ORC-X11M", BornFor(D(2016, 4, 1), 6), D(2016, 4, 1));                     // a day short of 12 months
        w.Stay("ORC-XNEW", BornFor(D(2017, 4, 3), 5), D(2017, 4, 3));                     // entered after the year end
        w.Stay("ORC-XTOCARE", BornFor(D(2015, 2, 2), 9), D(2015, 2, 2), legalStatus: "V3");  // short breaks, then a care order
        w.LegalStatus("ORC-XTOCARE", D(2015, 3, 2), "C2");
        w.Stay("ORC-XTOBREAKS", BornFor(longStay, 9), longStay);                          // a care order, then short breaks
        w.LegalStatus("ORC-XTOBREAKS", D(2016, 11, 1), "V4");
        string[] edges = ["ORC-XLEFT", "ORC-XBACK", "ORC-XSHORT", "ORC-XEND", "ORC-XNEXT", "ORC-X12M", "ORC-X11M", "ORC-XNEW", "ORC-XTOCARE", "ORC-XTOBREAKS"];

        // 2.1 PEPs: current when completed in the six months to the period end (after 30 September 2016 for the year).
        for (var i = 0; i < 20; i++)
        {
            w.Pep(K("A", i), D(2017, 1, 15), i == 1 ? Delivery.Twice : Delivery.Once);
        }
        for (var i = 20; i < 25; i++)
        {
            w.Pep(K("A", i), D(2016, 9, 30));                                   // six months to the day: not current
        }
        w.Pep(K("A", 25), D(2016, 10, 1));                                      // the first day of the window
        w.Pep(K("A", 26), D(2017, 4, 5));                                       // after the period
        w.Pep(K("A", 27), D(2016, 8, 1), Delivery.Corrected, wrongOn: D(2016, 12, 1)); // current at Q3 only
        w.Pep(K("A", 28), D(2017, 2, 1), Delivery.LateStale, wrongOn: D(2016, 5, 1));
        for (var i = 0; i < 5; i++)
        {
            w.Pep(K("B", i), D(2016, 11, 15));
        }
        foreach (var edge in edges)
        {
            w.Pep(edge, D(2016, 12, 1));
        }

        // 3.2 living skills programme started on or before the period end.
        for (var i = 15; i < 30; i++)
        {
            w.LivingSkills(K("A", i), D(2016, 5, 1));
        }
        w.LivingSkills(K("A", 10), D(2017, 4, 10));                                           // after the period
        w.LivingSkills(K("A", 11), D(2017, 2, 1), Delivery.Corrected, wrongOn: D(2017, 4, 20)); // in at the year end, not at Q3
        w.LivingSkills(K("A", 12), D(2016, 11, 1), Delivery.LateStale, wrongOn: D(2017, 5, 1));
        foreach (var edge in edges)
        {
            w.LivingSkills(edge, D(2016, 6, 1));
        }

        // 5.2 GP registration: the latest record on or before the period end.
        for (var i = 0; i < 25; i++)
        {
            w.Gp(K("A", i), D(2014, 7, 1), true, i == 3 ? Delivery.Resent : Delivery.Once);
        }
        w.Gp(K("A", 25), D(2014, 7, 1), true);
        w.Gp(K("A", 25), D(2016, 11, 20), false);                               // since deregistered
        w.Gp(K("A", 26), D(2014, 7, 1), false);
        w.Gp(K("A", 26), D(2017, 1, 10), true);                                 // registered after Q3
        w.Gp(K("A", 27), D(2017, 4, 2), true);                                  // only after the period
        w.Gp(K("A", 28), D(2016, 6, 1), true, Delivery.Corrected);
        w.Gp(K("A", 29), D(2016, 6, 1), false, Delivery.LateStale);
        for (var i = 0; i < 8; i++)
        {
            w.Gp(K("B", i), D(2016, 8, 10), true);
        }
        foreach (var edge in edges)
        {
            w.Gp(edge, D(2016, 8, 10), true);
        }

        // 5.3 dental checks in the 12 months to the period end, 5.4 the latest check's dentist registration (aged 2+).
        for (var i = 0; i < 20; i++)
        {
            w.Dental(K("A", i), D(2016, 10, 10), i < 15, i == 7 ? Delivery.Twice : Delivery.Once);
        }
        w.Dental(K("A", 20), D(2016, 3, 31), true);                             // twelve months to the day: not in the window
        w.Dental(K("A", 21), D(2016, 4, 1), true);                              // the first day of the window
        w.Dental(K("A", 22), D(2017, 4, 2), true);                              // after the period
        w.Dental(K("A", 23), D(2015, 5, 1), true);
        w.Dental(K("A", 23), D(2016, 6, 1), false, Delivery.Corrected);         // now not registered
        w.Dental(K("A", 24), D(2015, 5, 1), false);
        w.Dental(K("A", 24), D(2016, 12, 20), true, Delivery.LateStale);
        for (var i = 0; i < 8; i++)
        {
            w.Dental(K("B", i), D(2016, 9, 1), true);                           // B00 and B01 are under two
        }
        foreach (var edge in edges)
        {
            w.Dental(edge, D(2016, 9, 1), true);
        }

        // 5.6 SDQs in the 12 months to the period end (scores below 17, so 5.7 ignores them).
        for (var i = 0; i < 22; i++)
        {
            w.Sdq(K("A", i), D(2016, 11, 1), 8 + i % 8, ages[i] + 2);
        }
        w.Sdq(K("A", 22), D(2016, 3, 31), 10, ages[22] + 1);                      // twelve months to the day
        w.Sdq(K("A", 23), D(2016, 4, 1), 10, ages[23] + 1, how: Delivery.Twice);
        w.Sdq(K("A", 24), D(2017, 4, 2), 10, ages[24] + 2);                      // after the period
        foreach (var edge in edges)
        {
            w.Sdq(edge, D(2016, 9, 1), 12, 9);
        }

        // 6.4 school moves in the 12 months to the period end.
        for (var i = 0; i < 10; i++)
        {
            w.SchoolMove(K("A", i), D(2016, 9, 5));
        }
        w.SchoolMove(K("A", 10), D(2016, 3, 31));
        w.SchoolMove(K("A", 11), D(2016, 4, 1));
        w.SchoolMove(K("A", 12), D(2017, 4, 3));
        w.SchoolMove(K("A", 13), D(2016, 10, 10), Delivery.Resent);
        w.SchoolMove(K("B", 9), D(2016, 9, 5));
        foreach (var edge in edges)
        {
            w.SchoolMove(edge, D(2016, 11, 1));
        }
    }

    /// <summary>
    /// 6.2 adoption journeys. Adopted children leave care on the adoption date (E11, or E12 where consent was dispensed
    /// with), so they are also 6.1a's discharges; the others are still in care and part of the cohorts above.
    /// </summary>
    private static void Adoptions(WorldBuilder w)
    {
        var n = 0;
        void Journey(DateOnly entered, int age, DateOnly? decision, DateOnly? plan, DateOnly? order, DateOnly? match, DateOnly? placed,
            DateOnly? adopted, DateOnly? revoked = null, string reason = "E11", (AdoptionMilestone Milestone, Delivery How, DateOnly Wrong)? noise = null)
        {
            var child = K("D", n++);
            w.Stay(child, BornFor(entered, age), entered, adopted, adopted is null ? null : reason);
            foreach (var (milestone, on) in new[] { (BestInterestDecision, decision), (PlanApprovedByDecisionMaker, plan), (PlacementOrder, order),
                         (MatchApproved, match), (PlacedForAdoption, placed), (Adopted, adopted), (PlanRevoked, revoked) })
            {
                if (on is { } date)
                {
                    var how = noise?.Milestone == milestone ? noise.Value.How : Delivery.Once;
                    w.Adoption(child, milestone, date, entered, how, how == Delivery.Once ? null : noise!.Value.Wrong);
                }
            }
        }

        // Adopted in the year, placed within 426 days of entry and matched within 121 days of the order.
        for (var i = 0; i < 6; i++)
        {
            Journey(D(2015, 1, 10), 1, D(2015, 3, 1), D(2015, 4, 10), D(2015, 7, 1), D(2015, 9, 15), D(2015, 11, 1), D(2016, 6, 15));
        }
        // Adopted in the year after waiting too long for both.
        for (var i = 0; i < 4; i++)
        {
            Journey(D(2014, 9, 1), 2, D(2015, 1, 5), D(2015, 3, 2), D(2015, 6, 1), D(2015, 12, 1), D(2016, 1, 15), D(2016, 10, 20), reason: i < 2 ? "E11" : "E12");
        }
        // Exactly 426 and 121 days, adopted on the year's last day; one day over each, adopted on its first.
        Journey(D(2015, 2, 1), 0, D(2015, 3, 1), D(2015, 4, 1), D(2015, 6, 1), D(2015, 6, 1).AddDays(121), D(2015, 2, 1).AddDays(426), D(2017, 3, 31));
        Journey(D(2015, 2, 1), 0, D(2015, 3, 1), D(2015, 4, 1), D(2015, 6, 1), D(2015, 6, 1).AddDays(122), D(2015, 2, 1).AddDays(427), D(2016, 4, 1));
        // Placed in the year, adopted the day after it ends (still in care at the year end).
        Journey(D(2015, 8, 3), 1, D(2015, 10, 1), D(2015, 11, 2), D(2016, 2, 1), D(2016, 4, 20), D(2016, 9, 1), D(2017, 4, 1));
        // Adopted the day before the year starts.
        Journey(D(2014, 12, 1), 1, D(2015, 1, 5), D(2015, 2, 2), D(2015, 4, 1), D(2015, 7, 1), D(2015, 10, 1), D(2016, 3, 31));
        // A placement date corrected from 500 to 400 days after entry; a match date whose stale version (200 days) arrives late.
        Journey(D(2015, 3, 2), 2, D(2015, 4, 1), D(2015, 5, 1), D(2015, 8, 3), D(2015, 10, 1), D(2015, 3, 2).AddDays(400), D(2016, 12, 1),
            noise: (PlacedForAdoption, Delivery.Corrected, D(2015, 3, 2).AddDays(500)));
        Journey(D(2015, 3, 2), 2, D(2015, 4, 1), D(2015, 5, 1), D(2015, 8, 3), D(2015, 8, 3).AddDays(100), D(2016, 1, 4), D(2017, 2, 1),
            noise: (MatchApproved, Delivery.LateStale, D(2015, 8, 3).AddDays(200)));
        // Two more adopted on time with consent dispensed with.
        for (var i = 0; i < 2; i++)
        {
            Journey(D(2015, 4, 1), 1, D(2015, 5, 1), D(2015, 6, 1), D(2015, 9, 1), D(2015, 11, 2), D(2016, 2, 1), D(2016, 8, 8), reason: "E12");
        }
        // Placed in the year, not yet adopted.
        for (var i = 0; i < 6; i++)
        {
            Journey(D(2015, 11, 2), 1, D(2016, 1, 11), D(2016, 2, 22), D(2016, 5, 2), D(2016, 7, 1), D(2016, 8, 15), null);
        }
        // Matched in the year (late), not yet placed; plans approved in the year.
        for (var i = 0; i < 5; i++)
        {
            Journey(D(2016, 1, 5), 0, D(2016, 3, 1), D(2016, 4, 12).AddDays(i), D(2016, 7, 1), D(2016, 12, 5), null, null);
        }
        // Plans revoked in the year (one delivered twice), and one revoked the year before.
        for (var i = 0; i < 6; i++)
        {
            Journey(D(2015, 6, 1), 3, D(2015, 9, 1), D(2015, 11, 2), D(2016, 2, 1), null, null, null, revoked: D(2016, 9, 1).AddDays(i),
                noise: i == 5 ? (PlanRevoked, Delivery.Twice, default) : null);
        }
        Journey(D(2015, 6, 1), 3, D(2015, 9, 1), D(2015, 11, 2), null, null, null, null, revoked: D(2016, 3, 20));
        // A plan approved in the year with no best interest decision recorded: no interval to average.
        Journey(D(2016, 2, 1), 1, null, D(2016, 6, 1), null, null, null, null);
    }

    /// <summary>6.1b and 6.1c: discharges by special guardianship (E43/E44) and child arrangements orders (E45/E46).</summary>
    private static void Discharges(WorldBuilder w)
    {
        var entered = D(2013, 9, 2);
        (string Reason, DateOnly On)[] sgo = [("E43", D(2016, 4, 1)), ("E43", D(2017, 3, 31)), ("E43", D(2016, 7, 1)), ("E44", D(2016, 7, 1)),
            ("E44", D(2016, 7, 1)), ("E44", D(2016, 7, 1)), ("E44", D(2016, 3, 31))];
        for (var i = 0; i < sgo.Length; i++)
        {
            w.Stay(K("G", i), BornFor(entered, 5), entered, sgo[i].On, sgo[i].Reason);
        }
        w.Stay(K("G", 7), BornFor(entered, 5), entered, D(2016, 11, 1), "E43", ceasedHow: Delivery.Corrected, wrongReason: "E41");
        (string Reason, DateOnly On)[] cao = [("E45", D(2016, 9, 1)), ("E45", D(2016, 9, 1)), ("E46", D(2016, 9, 1)), ("E46", D(2017, 1, 9)),
            ("E46", D(2017, 1, 9)), ("E45", D(2016, 6, 6)), ("E45", D(2017, 4, 1))];
        for (var i = 0; i < cao.Length; i++)
        {
            w.Stay(K("H", i), BornFor(entered, 6), entered, cao[i].On, cao[i].Reason);
        }
        w.Stay(K("H", 7), BornFor(entered, 6), entered, D(2016, 12, 12), "E46", ceasedHow: Delivery.LateStale, wrongReason: "E43");
        w.Stay(K("H", 8), BornFor(entered, 6), entered, D(2016, 10, 3), "E45", ceasedHow: Delivery.Twice);
    }

    private static void Education(WorldBuilder w)
    {
        // 2.2 GCSE results of 2016/17 (academic year 2017) for children looked after 12 months.
        for (var i = 0; i < 20; i++)
        {
            w.Result(new(K("K", i), 2017, 4, i < 12, i < 7, true));
        }
        for (var i = 20; i < 23; i++)
        {
            w.Result(new(K("K", i), 2017, 4, true, true, false));               // not looked after 12 months
        }
        for (var i = 23; i < 27; i++)
        {
            w.Result(new(K("K", i), 2017, 2, true, true, true));                // key stage 2
        }
        for (var i = 27; i < 29; i++)
        {
            w.Result(new(K("K", i), 2016, 4, true, true, true));                // the year before
        }
        w.Result(new(K("K", 29), 2017, 4, true, true, true), Delivery.Corrected, new(K("K", 29), 2017, 4, false, false, true));
        w.Result(new(K("K", 30), 2017, 4, true, false, true), Delivery.LateStale, new(K("K", 30), 2017, 4, false, false, true));

        // 2.3 school admissions, by the date admitted.
        for (var i = 0; i < 10; i++)
        {
            w.Admission(K("N", i), D(2016, 9, 1), D(2016, 9, 20), 13);
        }
        w.Admission(K("N", 10), D(2016, 10, 3), D(2016, 10, 31), 20);          // exactly 20 school days
        w.Admission(K("N", 11), D(2016, 10, 3), D(2016, 11, 1), 21);
        for (var i = 12; i < 16; i++)
        {
            w.Admission(K("N", i), D(2016, 10, 3), D(2016, 11, 10), 25);
        }
        w.Admission(K("N", 16), D(2016, 3, 15), D(2016, 4, 1), 10);            // admitted on the year's first day
        w.Admission(K("N", 17), D(2016, 3, 10), D(2016, 3, 31), 10);           // and the day before it
        w.Admission(K("N", 18), D(2017, 2, 10), D(2017, 3, 31), 30);           // admitted on the year's last day, late
        w.Admission(K("N", 19), D(2017, 3, 10), D(2017, 4, 3), 15);            // after the year
        w.Admission(K("N", 20), D(2016, 11, 1), D(2016, 11, 25), 18, Delivery.Corrected, wrongDays: 25);
        w.Admission(K("N", 21), D(2016, 12, 1), D(2016, 12, 14), 9, Delivery.Twice);
    }

    private static void CareLeavers(WorldBuilder w)
    {
        // 3.1 pathway plans completed or authorised in the six months to the period end, for eligible, relevant and
        // former relevant care leavers (qualifying care leavers have no pathway plan duty).
        for (var i = 0; i < 12; i++)
        {
            w.CareLeaver(K("P", i), D(2015, 6, 1), CareLeaverCategory.Relevant);
        }
        for (var i = 0; i < 8; i++)
        {
            w.PathwayPlan(K("P", i), D(2016, 12, 10), D(2016, 12, 20));
        }
        w.PathwayPlan(K("P", 8), D(2016, 9, 15), D(2016, 10, 5));              // completed before the window, authorised in it
        w.PathwayPlan(K("P", 9), D(2017, 3, 20), null);                          // completed, awaiting authorisation
        // Completed in March, authorised in April: the correction that adds the authorisation must not take it out of the year.
        w.PathwayPlan(K("P", 10), D(2017, 3, 20), D(2017, 4, 12), Delivery.Corrected, new(K("P", 10), Guid.Empty, D(2017, 3, 20), null));
        w.PathwayPlan(K("P", 11), D(2016, 8, 1), D(2016, 8, 10));               // too old
        for (var i = 12; i < 16; i++)
        {
            w.CareLeaver(K("P", i), D(2016, 5, 2), CareLeaverCategory.Eligible);
        }
        w.PathwayPlan(K("P", 12), D(2017, 1, 5), D(2017, 1, 9));
        w.PathwayPlan(K("P", 13), D(2017, 1, 5), D(2017, 1, 9));
        for (var i = 16; i < 19; i++)
        {
            w.CareLeaver(K("P", i), D(2014, 9, 1), CareLeaverCategory.FormerRelevant);
        }
        w.PathwayPlan(K("P", 16), D(2016, 11, 1), D(2016, 11, 3));
        w.PathwayPlan(K("P", 17), D(2015, 11, 2), D(2015, 11, 5));
        w.PathwayPlan(K("P", 17), D(2016, 9, 30), D(2016, 9, 30), plan: "2"); // six months to the day: still too old
        for (var i = 19; i < 21; i++)
        {
            w.CareLeaver(K("P", i), D(2015, 6, 1), CareLeaverCategory.QualifyingCareLeaver);
            w.PathwayPlan(K("P", i), D(2016, 12, 10), D(2016, 12, 20));
        }
        w.CareLeaver(K("P", 21), D(2017, 4, 5), CareLeaverCategory.Relevant);  // a care leaver only after the period
        w.PathwayPlan(K("P", 21), D(2017, 3, 1), null);
        w.CareLeaver(K("P", 22), D(2015, 6, 1), CareLeaverCategory.Relevant);  // relevant, then qualifying
        w.CareLeaver(K("P", 22), D(2016, 10, 1), CareLeaverCategory.QualifyingCareLeaver);
        w.PathwayPlan(K("P", 22), D(2016, 12, 10), D(2016, 12, 20));
        w.CareLeaver(K("P", 23), D(2015, 6, 1), CareLeaverCategory.Relevant);
        w.PathwayPlan(K("P", 23), D(2017, 2, 2), D(2017, 2, 6), Delivery.Twice);

        // 3.4 young people in Staying Put at the period end.
        for (var i = 0; i < 7; i++)
        {
            w.StayingPut(K("S", i), D(2016, 5, 2), true);
        }
        w.StayingPut(K("S", 7), D(2015, 6, 1), true);
        w.StayingPut(K("S", 7), D(2016, 10, 15), false);                        // moved on
        w.StayingPut(K("S", 8), D(2017, 4, 2), true);                           // only after the period
        w.StayingPut(K("S", 9), D(2016, 7, 1), true, Delivery.Corrected);
        w.StayingPut(K("S", 10), D(2016, 6, 1), true, Delivery.LateStale);
        w.StayingPut(K("S", 11), D(2016, 6, 1), true, Delivery.Resent);
    }

    /// <summary>4.5b sexual exploitation referrals raised in the period (referrals, not children).</summary>
    private static void Exploitation(WorldBuilder w)
    {
        for (var i = 0; i < 6; i++)
        {
            w.ExploitationReferral(K("C", i), ExploitationConcern.SexualExploitation, D(2016, 6, 10));
        }
        for (var i = 6; i < 9; i++)
        {
            w.ExploitationReferral(K("C", i), ExploitationConcern.CriminalExploitation, D(2016, 6, 10));
        }
        w.ExploitationReferral(K("C", 9), ExploitationConcern.SexualExploitation, D(2016, 4, 1));
        w.ExploitationReferral(K("C", 10), ExploitationConcern.SexualExploitation, D(2016, 3, 31));
        w.ExploitationReferral(K("C", 11), ExploitationConcern.SexualExploitation, D(2017, 3, 31));
        w.ExploitationReferral(K("C", 12), ExploitationConcern.SexualExploitation, D(2017, 4, 1));
        w.ExploitationReferral(K("C", 13), ExploitationConcern.SexualExploitation, D(2016, 10, 4), Delivery.Resent);
        w.ExploitationReferral(K("C", 14), ExploitationConcern.SexualExploitation, D(2016, 11, 20), Delivery.Corrected, ExploitationConcern.CriminalExploitation);
        w.ExploitationReferral(K("C", 15), ExploitationConcern.CriminalExploitation, D(2016, 11, 21), Delivery.LateStale, ExploitationConcern.SexualExploitation);
        w.ExploitationReferral(K("C", 16), ExploitationConcern.SexualExploitation, D(2016, 12, 1));
        w.ExploitationReferral(K("C", 16), ExploitationConcern.SexualExploitation, D(2016, 12, 15), referral: "2");
        w.ExploitationReferral(K("C", 17), ExploitationConcern.SexualExploitation, D(2016, 12, 20), Delivery.Twice);
    }

    private static void Health(WorldBuilder w)
    {
        // 5.5 immunisation status per milestone, counted for children of the milestone's ages recorded in the period.
        var milestones = new (ImmunisationMilestone Milestone, int[] Ages, int[] Outside)[]
        {
            (ImmunisationMilestone.InitialAssessment, [2, 5], [3, 4]),
            (ImmunisationMilestone.AfterOneYearInCare, [2, 5], [1, 6]),
            (ImmunisationMilestone.Hpv, [18], [17]),
            (ImmunisationMilestone.PreschoolBooster, [18], [16]),
        };
        foreach (var (milestone, ages, outside) in milestones)
        {
            var g = $"V{(int)milestone}";
            for (var i = 0; i < 13; i++)
            {
                w.Immunisation(K(g, i), milestone, D(2016, 5, 3).AddDays(20 * i), ages[i % ages.Length], i < 8, i == 4 ? Delivery.Twice : Delivery.Once);
            }
            w.Immunisation(K(g, 13), milestone, D(2016, 7, 1), outside[0], true);
            w.Immunisation(K(g, 14), milestone, D(2016, 7, 1), outside[^1], false);
            w.Immunisation(K(g, 15), milestone, D(2016, 4, 1), ages[0], true);          // the year's first day
            w.Immunisation(K(g, 16), milestone, D(2016, 3, 31), ages[0], true);         // the day before
            w.Immunisation(K(g, 17), milestone, D(2017, 3, 31), ages[^1], false);       // the year's last day
            w.Immunisation(K(g, 18), milestone, D(2017, 4, 1), ages[^1], true);         // the day after
            w.Immunisation(K(g, 19), milestone, D(2016, 10, 12), ages[0], true, Delivery.Corrected);
            w.Immunisation(K(g, 20), milestone, D(2016, 11, 14), ages[^1], false, Delivery.LateStale);
        }

        // 5.7 scores of 17 or more in the period without therapeutic support, referred to CAMHS on or after the score.
        for (var i = 0; i < 8; i++)
        {
            w.Sdq(K("Q", i), D(2016, 6, 1), 19, 10);
            if (i < 6)
            {
                w.Camhs(K("Q", i), Referred, D(2016, 6, 20));
            }
        }
        w.Sdq(K("Q", 8), D(2016, 6, 1), 17, 10);                                 // 17 is abnormal
        w.Camhs(K("Q", 8), Referred, D(2016, 7, 1));
        w.Sdq(K("Q", 9), D(2016, 6, 1), 16, 10);                                 // 16 is not
        w.Camhs(K("Q", 9), Referred, D(2016, 7, 1));
        w.Sdq(K("Q", 10), D(2016, 6, 1), 20, 10, therapeuticSupport: true);      // already supported
        w.Sdq(K("Q", 11), D(2016, 6, 1), 19, 10);
        w.Camhs(K("Q", 11), Referred, D(2016, 5, 2));                            // referred before the score only
        w.Sdq(K("Q", 12), D(2017, 3, 20), 18, 10);
        w.Camhs(K("Q", 12), Referred, D(2017, 4, 10));                           // referred after the period: followed up
        w.Sdq(K("Q", 13), D(2016, 9, 1), 18, 10, how: Delivery.Corrected, wrongScore: 12);
        w.Camhs(K("Q", 13), Referred, D(2016, 9, 12));
        w.Sdq(K("Q", 14), D(2016, 9, 1), 11, 10, how: Delivery.LateStale, wrongScore: 19);
        w.Sdq(K("Q", 15), D(2016, 5, 2), 18, 10);                                // two abnormal scores, one referral between them
        w.Sdq(K("Q", 15), D(2016, 9, 1), 21, 10);
        w.Camhs(K("Q", 15), Referred, D(2016, 8, 1));
        w.Sdq(K("Q", 16), D(2016, 3, 15), 22, 10);                               // the year before
        w.Sdq(K("Q", 17), D(2016, 12, 1), 19, 10);
        w.Sdq(K("Q", 18), D(2016, 12, 1), 19, 10);
    }

    /// <summary>5.8 and 5.9: referrals in the period, offered an outcome measure and with it completed (at any time).</summary>
    private static void Camhs(WorldBuilder w)
    {
        for (var i = 0; i < 15; i++)
        {
            w.Camhs(K("M", i), Referred, D(2016, 7, 1));
            if (i < 12)
            {
                w.Camhs(K("M", i), OutcomeMeasureOffered, D(2016, 8, 1));
            }
            if (i < 7)
            {
                w.Camhs(K("M", i), OutcomeMeasureCompleted, D(2016, 10, 3));
            }
        }
        w.Camhs(K("M", 15), Referred, D(2017, 3, 25));
        w.Camhs(K("M", 15), OutcomeMeasureOffered, D(2017, 4, 5));             // offered and completed after the period
        w.Camhs(K("M", 15), OutcomeMeasureCompleted, D(2017, 4, 20));
        w.Camhs(K("M", 16), Referred, D(2016, 3, 20));                          // referred the year before
        w.Camhs(K("M", 16), OutcomeMeasureOffered, D(2016, 4, 20));
        w.Camhs(K("M", 17), Referred, D(2016, 11, 1));
        w.Camhs(K("M", 17), OutcomeMeasureCompleted, D(2016, 12, 1));           // completed without the offer recorded
        w.Camhs(K("M", 18), Referred, D(2016, 5, 2), Delivery.Corrected, wrongOn: D(2016, 3, 1));
        w.Camhs(K("M", 18), OutcomeMeasureOffered, D(2016, 6, 1));
        w.Camhs(K("M", 19), Referred, D(2016, 10, 10));
        w.Camhs(K("M", 19), OutcomeMeasureOffered, D(2016, 11, 1), Delivery.Twice);
    }
}
