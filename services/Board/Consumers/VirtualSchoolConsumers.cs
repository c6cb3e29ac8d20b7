using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.VirtualSchool.V1;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

/// <summary>One row per child and school week: a corrected summary replaces the week.</summary>
public sealed class AttendanceWeekSummarisedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<AttendanceWeekSummarisedConsumer> logger)
    : FactConsumer<AttendanceWeekSummarised>(db, p, clock, logger)
{
    protected override ChildFact ToFact(AttendanceWeekSummarised e, string child)
    {
        var f = Fact(AttendanceWeek, $"{child}|{Day(e.WeekStarting)}", child, e.WeekStarting);
        f.Number = e.PossibleSessions;
        f.Number2 = e.AuthorisedAbsences;
        f.Number3 = e.UnauthorisedAbsences;
        return f;
    }
}

public sealed class ExclusionRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ExclusionRecordedConsumer> logger)
    : FactConsumer<ExclusionRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(ExclusionRecorded e, string child)
    {
        var f = Fact(Exclusion, e.ExclusionId.ToString("N"), child, e.StartDate);
        f.Number = (int)e.Type;
        f.Number2 = (int)Math.Ceiling(e.Sessions);
        return f;
    }
}

public sealed class PersonalEducationPlanCompletedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<PersonalEducationPlanCompletedConsumer> logger)
    : FactConsumer<PersonalEducationPlanCompleted>(db, p, clock, logger)
{
    protected override ChildFact ToFact(PersonalEducationPlanCompleted e, string child)
    {
        var f = Fact(PepCompleted, e.PepId.ToString("N"), child, e.CompletedOn);
        f.OtherDate = e.DueOn;
        f.Number = (int?)e.Quality;
        return f;
    }
}

/// <summary>Results are attributed to the financial year in which most of the academic year falls (2016/17 → 2016).</summary>
public sealed class AttainmentRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<AttainmentRecordedConsumer> logger)
    : FactConsumer<AttainmentRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(AttainmentRecorded e, string child)
    {
        var f = Fact(Attainment, $"{child}|{e.AcademicYear}|{e.KeyStage}", child, new DateOnly(e.AcademicYear, 3, 31));
        f.Number = e.KeyStage;
        f.Flag = e.FiveOrMoreAToC;
        f.Flag2 = e.FiveOrMoreAToCIncludingEnglishAndMaths;
        f.Flag3 = e.LookedAfterTwelveMonthsAt31March;
        return f;
    }
}

public sealed class SchoolAdmissionProcessedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<SchoolAdmissionProcessedConsumer> logger)
    : FactConsumer<SchoolAdmissionProcessed>(db, p, clock, logger)
{
    protected override ChildFact ToFact(SchoolAdmissionProcessed e, string child)
    {
        var f = Fact(SchoolAdmission, $"{child}|{Day(e.RequestedOn)}", child, e.AdmittedOn);
        f.OtherDate = e.RequestedOn;
        f.Number = e.SchoolDaysTaken;
        return f;
    }
}

public sealed class SchoolMoveRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<SchoolMoveRecordedConsumer> logger)
    : FactConsumer<SchoolMoveRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(SchoolMoveRecorded e, string child)
    {
        var f = Fact(SchoolMove, $"{child}|{Day(e.MovedOn)}", child, e.MovedOn);
        f.Flag = e.FollowedPlacementMove;
        return f;
    }
}

public sealed class NeetStatusRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<NeetStatusRecordedConsumer> logger)
    : FactConsumer<NeetStatusRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(NeetStatusRecorded e, string child)
    {
        var f = Fact(Neet, $"{child}|{Day(e.RecordedOn)}", child, e.RecordedOn);
        f.Flag = e.Neet;
        f.Number2 = e.AgeYears;
        return f;
    }
}
