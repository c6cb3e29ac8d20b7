using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.Missing.V1;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

public sealed class MissingEpisodeStartedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<MissingEpisodeStartedConsumer> logger)
    : FactConsumer<MissingEpisodeStarted>(db, p, clock, logger)
{
    protected override ChildFact ToFact(MissingEpisodeStarted e, string child)
    {
        var f = Fact(MissingStarted, e.EpisodeId.ToString("N"), child, DateOnly.FromDateTime(e.StartedAt.UtcDateTime));
        f.Number = (int)e.Type;
        f.Number3 = (int)e.Risk;
        return f;
    }
}

public sealed class MissingEpisodeEndedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<MissingEpisodeEndedConsumer> logger)
    : FactConsumer<MissingEpisodeEnded>(db, p, clock, logger)
{
    protected override ChildFact ToFact(MissingEpisodeEnded e, string child)
    {
        var f = Fact(MissingEnded, e.EpisodeId.ToString("N"), child, DateOnly.FromDateTime(e.EndedAt.UtcDateTime));
        f.OtherDate = DateOnly.FromDateTime(e.StartedAt.UtcDateTime);
        return f;
    }
}

public sealed class ReturnInterviewRecordedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ReturnInterviewRecordedConsumer> logger)
    : FactConsumer<ReturnInterviewRecorded>(db, p, clock, logger)
{
    /// <summary>The statutory guidance expects the interview to be offered within 72 hours of the child's return.</summary>
    private static readonly TimeSpan OfferWindow = TimeSpan.FromHours(72);

    protected override ChildFact ToFact(ReturnInterviewRecorded e, string child)
    {
        var f = Fact(ReturnInterview, e.EpisodeId.ToString("N"), child, DateOnly.FromDateTime(e.ReturnedAt.UtcDateTime));
        f.OtherDate = e.CompletedOn;
        f.Flag = e.Accepted;
        f.Flag2 = e.OfferedAt - e.ReturnedAt <= OfferWindow;
        f.Number = (int)e.Concern;
        return f;
    }
}

public sealed class ExploitationReferralRaisedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<ExploitationReferralRaisedConsumer> logger)
    : FactConsumer<ExploitationReferralRaised>(db, p, clock, logger)
{
    protected override ChildFact ToFact(ExploitationReferralRaised e, string child)
    {
        var f = Fact(ExploitationReferral, e.ReferralId.ToString("N"), child, e.RaisedOn);
        f.Number = (int)e.Concern;
        f.Code = e.EpisodeId.ToString("N");
        return f;
    }
}
