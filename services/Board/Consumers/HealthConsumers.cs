using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.Health.V1;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

public sealed class DentalCheckRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<DentalCheckRecordedConsumer> logger)
    : FactConsumer<DentalCheckRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(DentalCheckRecorded e, string child)
    {
        var f = Fact(DentalCheck, $"{child}|{Day(e.CheckedOn)}", child, e.CheckedOn);
        f.Flag = e.RegisteredWithDentist;
        return f;
    }
}

/// <summary>One row per child and milestone: a later status for the same milestone replaces the earlier one.</summary>
public sealed class ImmunisationStatusRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ImmunisationStatusRecordedConsumer> logger)
    : FactConsumer<ImmunisationStatusRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(ImmunisationStatusRecorded e, string child)
    {
        var f = Fact(Immunisation, $"{child}|{(int)e.Milestone}", child, e.RecordedOn);
        f.Number = (int)e.Milestone;
        f.Number2 = e.AgeYears;
        f.Flag = e.UpToDate;
        return f;
    }
}

public sealed class GpRegistrationRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<GpRegistrationRecordedConsumer> logger)
    : FactConsumer<GpRegistrationRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(GpRegistrationRecorded e, string child)
    {
        var f = Fact(GpRegistration, $"{child}|{Day(e.RecordedOn)}", child, e.RecordedOn);
        f.Flag = e.Registered;
        return f;
    }
}

public sealed class SdqScoreRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<SdqScoreRecordedConsumer> logger)
    : FactConsumer<SdqScoreRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(SdqScoreRecorded e, string child)
    {
        var f = Fact(Sdq, $"{child}|{Day(e.CompletedOn)}", child, e.CompletedOn);
        f.Number = e.Score;
        f.Number2 = e.AgeYears;
        f.Flag = e.ReceivingTherapeuticSupport;
        return f;
    }
}

public sealed class CamhsReferralProgressedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<CamhsReferralProgressedConsumer> logger)
    : FactConsumer<CamhsReferralProgressed>(db, p, clock, logger)
{
    protected override ChildFact ToFact(CamhsReferralProgressed e, string child)
    {
        var f = Fact(Camhs, $"{e.ReferralId:N}|{(int)e.Stage}", child, e.On);
        f.Number = (int)e.Stage;
        f.Code = e.ReferralId.ToString("N");
        return f;
    }
}

public sealed class SubstanceMisuseRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<SubstanceMisuseRecordedConsumer> logger)
    : FactConsumer<SubstanceMisuseRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(SubstanceMisuseRecorded e, string child)
    {
        var f = Fact(SubstanceMisuse, $"{child}|{Day(e.IdentifiedOn)}", child, e.IdentifiedOn);
        f.Flag = e.InterventionOffered;
        f.Flag2 = e.InterventionReceived;
        return f;
    }
}
