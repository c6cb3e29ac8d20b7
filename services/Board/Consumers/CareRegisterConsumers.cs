using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.CareRegister.V1;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

public sealed class ChildEnteredCareConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ChildEnteredCareConsumer> logger)
    : FactConsumer<ChildEnteredCare>(db, p, clock, logger)
{
    protected override ChildFact ToFact(ChildEnteredCare e, string child)
    {
        var f = Fact(CareEntered, $"{child}|{Day(e.EnteredCareOn)}", child, e.EnteredCareOn);
        f.Code = e.LegalStatus;
        f.Code2 = e.PlacementType;
        f.Number = (int?)e.Provider;
        f.Flag = e.WithinTwentyMiles;
        f.Number2 = e.AgeYears;
        return f;
    }
}

public sealed class PlacementChangedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<PlacementChangedConsumer> logger)
    : FactConsumer<Contracts.CareRegister.V1.PlacementChanged>(db, p, clock, logger)
{
    protected override ChildFact ToFact(Contracts.CareRegister.V1.PlacementChanged e, string child)
    {
        var f = Fact(FactKinds.PlacementChanged, $"{child}|{Day(e.ChangedOn)}", child, e.ChangedOn);
        f.Code = e.Reason;
        f.Code2 = e.PlacementType;
        f.Number = (int?)e.Provider;
        f.Flag = e.WithinTwentyMiles;
        return f;
    }
}

public sealed class LegalStatusChangedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<LegalStatusChangedConsumer> logger)
    : FactConsumer<Contracts.CareRegister.V1.LegalStatusChanged>(db, p, clock, logger)
{
    protected override ChildFact ToFact(Contracts.CareRegister.V1.LegalStatusChanged e, string child) =>
        WithCode(Fact(FactKinds.LegalStatusChanged, $"{child}|{Day(e.ChangedOn)}", child, e.ChangedOn), e.LegalStatus);

    private static ChildFact WithCode(ChildFact f, string code)
    {
        f.Code = code;
        return f;
    }
}

public sealed class CeasedCareConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<CeasedCareConsumer> logger)
    : FactConsumer<CeasedCare>(db, p, clock, logger)
{
    protected override ChildFact ToFact(CeasedCare e, string child)
    {
        var f = Fact(CareCeased, $"{child}|{Day(e.CeasedOn)}", child, e.CeasedOn);
        f.Code = e.ReasonCode;
        return f;
    }
}

public sealed class BecameCareLeaverConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<BecameCareLeaverConsumer> logger)
    : FactConsumer<Contracts.CareRegister.V1.BecameCareLeaver>(db, p, clock, logger)
{
    protected override ChildFact ToFact(Contracts.CareRegister.V1.BecameCareLeaver e, string child)
    {
        var f = Fact(FactKinds.BecameCareLeaver, $"{child}|{Day(e.On)}", child, e.On);
        f.Number = (int)e.Category;
        return f;
    }
}

public sealed class ChildInCareReviewHeldConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ChildInCareReviewHeldConsumer> logger)
    : FactConsumer<ChildInCareReviewHeld>(db, p, clock, logger)
{
    protected override ChildFact ToFact(ChildInCareReviewHeld e, string child)
    {
        var f = Fact(ReviewHeld, $"{child}|{Day(e.HeldOn)}", child, e.HeldOn);
        f.OtherDate = e.DueOn;
        f.Code = e.ParticipationCode;
        return f;
    }
}

public sealed class AdoptionMilestoneReachedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<AdoptionMilestoneReachedConsumer> logger)
    : FactConsumer<AdoptionMilestoneReached>(db, p, clock, logger)
{
    protected override ChildFact ToFact(AdoptionMilestoneReached e, string child)
    {
        var f = Fact(Adoption, $"{child}|{(int)e.Milestone}", child, e.On);
        f.OtherDate = e.EnteredCareOn;
        f.Number = (int)e.Milestone;
        return f;
    }
}

public sealed class LivingSkillsProgrammeStartedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<LivingSkillsProgrammeStartedConsumer> logger)
    : FactConsumer<LivingSkillsProgrammeStarted>(db, p, clock, logger)
{
    protected override ChildFact ToFact(LivingSkillsProgrammeStarted e, string child) => Fact(LivingSkills, child, child, e.StartedOn);
}
