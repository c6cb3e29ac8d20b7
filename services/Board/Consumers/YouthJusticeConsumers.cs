using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.YouthJustice.V1;

namespace Partnership.Board.Consumers;

public sealed class OffenceOutcomeRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<OffenceOutcomeRecordedConsumer> logger)
    : FactConsumer<OffenceOutcomeRecorded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(OffenceOutcomeRecorded e, string child)
    {
        var f = Fact(FactKinds.OffenceOutcome, e.OutcomeId.ToString("N"), child, e.OutcomeDate);
        f.Number = (int)e.Outcome;
        f.Number2 = e.AgeAtOffence;
        f.Flag = e.FirstTimeEntrant;
        return f;
    }
}
