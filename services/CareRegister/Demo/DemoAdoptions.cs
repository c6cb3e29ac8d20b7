using Partnership.CareRegister.Domain;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Demo;

/// <summary>
/// Adoption journeys for the demo: step lengths are drawn around the strategy's 2015/16 figures (best interest decision
/// to plan approval about 74 days, match to placement a few days, roughly two in five placed within 426 days of
/// entering care, one in five or so matched within 121 days of the placement order), so action 6.2's indicators show
/// plausible values. Each step is recorded through the register.
/// </summary>
internal sealed class DemoAdoptions(DemoCare care, DemoPlacements places, Random random, DateOnly today)
{
    /// <summary>Days after entering care at which each step falls.</summary>
    public sealed record Journey(int Decision, int PlanApproved, int PlacementOrder, int Matched, int Placed, int Adopted);

    public Journey Draw()
    {
        var decision = random.Next(45, 150);
        var plan = decision + random.Next(30, 120);
        var order = plan + random.Next(30, 150);
        var matched = order + random.Next(60, 300);
        var placed = matched + random.Next(1, 10);
        return new Journey(decision, plan, order, matched, placed, placed + random.Next(150, 300));
    }

    /// <summary>
    /// Records the steps reached by today. A child still in care stops at placed for adoption; one whose adoption is
    /// complete leaves care by adoption order on the last step.
    /// </summary>
    public void Follow(Child child, DateOnly entered, Journey journey, bool completeAdoption)
    {
        bool Reached(int days) => entered.AddDays(days) <= today;

        if (!Reached(journey.Decision)) return;
        care.Milestone(child, AdoptionMilestone.BestInterestDecision, entered.AddDays(journey.Decision));
        if (!Reached(journey.PlanApproved)) return;
        care.Milestone(child, AdoptionMilestone.PlanApprovedByDecisionMaker, entered.AddDays(journey.PlanApproved));
        if (!Reached(journey.PlacementOrder)) return;
        care.ChangeLegalStatus(child, entered.AddDays(journey.PlacementOrder), "E1");
        care.Milestone(child, AdoptionMilestone.PlacementOrder, entered.AddDays(journey.PlacementOrder));
        if (!Reached(journey.Matched)) return;
        care.Milestone(child, AdoptionMilestone.MatchApproved, entered.AddDays(journey.Matched));
        if (!Reached(journey.Placed)) return;
        var open = child.OpenEpisode!;
        // About one in six is adopted by the foster carer already caring for them (A5), staying where they are.
        var withFosterCarer = random.Next(6) == 0;
        care.Move(child, entered.AddDays(journey.Placed), withFosterCarer ? "A5" : "A6",
            withFosterCarer ? new PlacementSite(open.HomePostcode, open.PlacementPostcode, open.WithinTwentyMiles) : places.Site(open.HomePostcode!),
            "APPRR");
        care.Milestone(child, AdoptionMilestone.PlacedForAdoption, entered.AddDays(journey.Placed));
        if (!completeAdoption || !Reached(journey.Adopted)) return;
        var adopted = entered.AddDays(journey.Adopted);
        care.Cease(child, adopted, random.Next(7) == 0 ? "E12" : "E11");
        care.Milestone(child, AdoptionMilestone.Adopted, adopted);
    }

    /// <summary>A plan formally revoked after approval (the child's needs changed, or no adopters were found).</summary>
    public void FollowToRevocation(Child child, DateOnly entered, Journey journey)
    {
        if (entered.AddDays(journey.Decision) > today) return;
        care.Milestone(child, AdoptionMilestone.BestInterestDecision, entered.AddDays(journey.Decision));
        var revoked = entered.AddDays(journey.PlanApproved + random.Next(60, 200));
        if (entered.AddDays(journey.PlanApproved) > today) return;
        care.Milestone(child, AdoptionMilestone.PlanApprovedByDecisionMaker, entered.AddDays(journey.PlanApproved));
        if (revoked > today) return;
        care.Milestone(child, AdoptionMilestone.PlanRevoked, revoked);
    }
}
