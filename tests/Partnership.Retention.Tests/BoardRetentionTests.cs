using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Contracts.Health.V1;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.Testing;

namespace Partnership.Retention.Tests;

/// <summary>
/// Board facts stay for the current reporting year and the seven before it (on 26 November 2026: from 1 April 2019),
/// and go per child: a child is pruned only when none of its facts reaches into those years.
/// </summary>
public sealed class BoardRetentionTests(BoardRetentionTests.Host host) : IClassFixture<BoardRetentionTests.Host>
{
    public sealed class Host() : ServiceFixture<BoardDbContext>("boarddb");

    private static readonly DateOnly Cutoff = new(2019, 4, 1);

    [Fact]
    public async Task A_child_whose_every_fact_is_older_than_the_kept_years_goes_and_any_child_with_a_later_fact_keeps_all_of_them()
    {
        await host.Service.WithServiceAsync<BoardDbContext, int>(db =>
        {
            // Left care before the kept years: both facts go.
            db.Facts.Add(Fact("gone", FactKinds.CareEntered, new(2016, 5, 1)));
            db.Facts.Add(Fact("gone", FactKinds.CareCeased, Cutoff.AddDays(-1)));
            // In care for ten years and reviewed this year: the old entry still counts today, so it stays.
            db.Facts.Add(Fact("long-stay", FactKinds.CareEntered, new(2016, 6, 1)));
            db.Facts.Add(Fact("long-stay", FactKinds.ReviewHeld, new(2026, 6, 1)));
            // An episode that began long ago and ended inside the kept years.
            db.Facts.Add(Fact("episode", FactKinds.Ssda903Episode, new(2015, 1, 1), otherDate: Cutoff));
            db.HealthAssessments.Add(Assessment("ha-gone", Cutoff.AddDays(-1)));
            db.HealthAssessments.Add(Assessment("ha-gone", new(2017, 6, 1)));
            db.HealthAssessments.Add(Assessment("ha-kept", new(2017, 6, 1)));
            db.HealthAssessments.Add(Assessment("ha-kept", Cutoff));
            return db.SaveChangesAsync();
        });
        var sql = new Sql(host.Service.ConnectionString);

        var dryRun = await RetentionRun.RunAsync(host.Service.Services, dryRun: true);
        Assert.Equal(2, dryRun.Rows("child-facts", BoardDbContext.ChildFactsTable));
        Assert.Equal(2, dryRun.Rows("health-assessment-facts", "health_assessment_facts"));
        Assert.Equal(5, await sql.CountAsync("SELECT count(*) FROM child_facts"));
        Assert.Equal(4, await sql.CountAsync("SELECT count(*) FROM health_assessment_facts"));

        var run = await RetentionRun.RunAsync(host.Service.Services);
        Assert.Equal(2, run.Rows("child-facts", BoardDbContext.ChildFactsTable));
        Assert.Equal(["episode", "long-stay", "long-stay"], await sql.StringsAsync("SELECT child FROM child_facts"));
        Assert.Equal(["ha-kept", "ha-kept"], await sql.StringsAsync("""SELECT "ChildPseudonym" FROM health_assessment_facts"""));
    }

    [Fact]
    public void The_board_enforces_its_facts_and_the_shared_outbox_and_inbox_policies()
    {
        Assert.Equal(["child-facts", "health-assessment-facts", "inbox", "outbox-sent"], RetentionRun.RuleNames(host.Service.Services).Order(StringComparer.Ordinal));
    }

    private static ChildFact Fact(string child, string kind, DateOnly on, DateOnly? otherDate = null) => new()
    {
        Kind = kind,
        Key = $"{child}|{on:yyyy-MM-dd}|{Guid.NewGuid():N}",
        Child = child,
        On = on,
        OtherDate = otherDate,
        SourceEventId = Guid.NewGuid(),
        OccurredAt = RetentionRun.Now,
        ReceivedAt = RetentionRun.Now,
    };

    private static HealthAssessmentFact Assessment(string child, DateOnly completedOn) => new()
    {
        AssessmentId = Guid.NewGuid(),
        ChildPseudonym = child,
        AssessmentType = HealthAssessmentType.Review,
        DueDate = completedOn,
        CompletedOn = completedOn,
        WithinTimescale = true,
        SourceEventId = Guid.NewGuid(),
        OccurredAt = RetentionRun.Now,
        ReceivedAt = RetentionRun.Now,
    };
}
