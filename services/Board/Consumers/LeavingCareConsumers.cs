using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.LeavingCare.V1;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

public sealed class CareLeaverContactRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<CareLeaverContactRecordedConsumer> logger)
    : FactConsumer<CareLeaverContactRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(CareLeaverContactRecorded e, string child)
    {
        var f = Fact(CareLeaverContact, $"{child}|{Day(e.ContactOn)}", child, e.ContactOn);
        f.Number = (int)e.InTouch;
        f.Number2 = e.AgeYears;
        return f;
    }
}

public sealed class CareLeaverActivityRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<CareLeaverActivityRecordedConsumer> logger)
    : FactConsumer<CareLeaverActivityRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(CareLeaverActivityRecorded e, string child)
    {
        var f = Fact(CareLeaverActivity, $"{child}|{Day(e.RecordedOn)}", child, e.RecordedOn);
        f.Code = e.ActivityCode;
        f.Flag = e.InEducationEmploymentOrTraining;
        f.Flag2 = e.InHigherEducation;
        f.Number2 = e.AgeYears;
        return f;
    }
}

public sealed class CareLeaverAccommodationRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<CareLeaverAccommodationRecordedConsumer> logger)
    : FactConsumer<CareLeaverAccommodationRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(CareLeaverAccommodationRecorded e, string child)
    {
        var f = Fact(CareLeaverAccommodation, $"{child}|{Day(e.RecordedOn)}", child, e.RecordedOn);
        f.Code = e.AccommodationType;
        f.Flag = e.Suitable;
        f.Number2 = e.AgeYears;
        return f;
    }
}

public sealed class StayingPutChangedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<StayingPutChangedConsumer> logger)
    : FactConsumer<StayingPutChanged>(db, p, clock, logger)
{
    protected override ChildFact ToFact(StayingPutChanged e, string child)
    {
        var f = Fact(StayingPut, $"{child}|{Day(e.On)}", child, e.On);
        f.Flag = e.InStayingPut;
        return f;
    }
}

public sealed class PathwayPlanCompletedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<PathwayPlanCompletedConsumer> logger)
    : FactConsumer<PathwayPlanCompleted>(db, p, clock, logger)
{
    protected override ChildFact ToFact(PathwayPlanCompleted e, string child)
    {
        var f = Fact(PathwayPlan, e.PlanId.ToString("N"), child, e.CompletedOn);
        f.OtherDate = e.AuthorisedOn;
        f.Number2 = e.AgeYears;
        return f;
    }
}

public sealed class PersonalAdviserAllocatedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<PersonalAdviserAllocatedConsumer> logger)
    : FactConsumer<PersonalAdviserAllocated>(db, p, clock, logger)
{
    protected override ChildFact ToFact(PersonalAdviserAllocated e, string child) =>
        Fact(PersonalAdviser, $"{child}|{Day(e.AllocatedOn)}", child, e.AllocatedOn);
}

/// <summary>
/// The leaving care service runs the living skills programme and publishes a start on its own exchange; it is the
/// same fact as the care register's LivingSkillsProgrammeStarted (one per child), so both write the LivingSkills kind.
/// </summary>
public sealed class LivingSkillsBookletStartedConsumer(
    BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<LivingSkillsBookletStartedConsumer> logger)
    : FactConsumer<LivingSkillsBookletStarted>(db, p, clock, logger)
{
    protected override ChildFact ToFact(LivingSkillsBookletStarted e, string child) => Fact(LivingSkills, child, child, e.StartedOn);
}
