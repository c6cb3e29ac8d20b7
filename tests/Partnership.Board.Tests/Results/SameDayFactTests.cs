using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;
using Partnership.Testing;

namespace Partnership.Board.Tests.Results;

/// <summary>
/// Two facts of one kind for one child on one day (a record and its same-day correction): a measure that takes the
/// child's latest fact must take the one that happened last, whatever order the rows were stored in.
/// </summary>
public sealed class SameDayFactTests
{
    private static readonly DateOnly Day = new(2016, 11, 15);
    private static readonly DateTimeOffset Morning = new(2016, 11, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_later_of_two_same_day_facts_decides_whatever_the_storage_order()
    {
        await using var database = await TestDatabase.CreateAsync("boardtie");
        await using var db = await FreshBoardAsync(database.ConnectionString);
        // TIE-0..3 end the day staying put, TIE-4..5 end it not (4 against the 2 an inverted tie-break would give); the
        // later fact always has the smaller key, and alternate children store the later fact first.
        for (var i = 0; i < 6; i++)
        {
            var finalFlag = i < 4;
            var earlier = StayingPut($"TIE-{i}", key: $"TIE-{i}-b", flag: !finalFlag, Morning);
            var later = StayingPut($"TIE-{i}", key: $"TIE-{i}-a", flag: finalFlag, Morning.AddHours(6));
            foreach (var fact in i % 2 == 0 ? new[] { later, earlier } : [earlier, later])
            {
                db.Facts.Add(fact);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var computation = await new IndicatorCalculator(db, TimeProvider.System)
            .ComputeAsync([MeasureCatalogue.All["staying-put"]], new ReportingPeriod(2016, null), TestContext.Current.CancellationToken);

        Assert.Equal(4, computation.Measures["staying-put"].Counts.Numerator);
    }

    private static ChildFact StayingPut(string child, string key, bool flag, DateTimeOffset occurredAt) => new()
    {
        Kind = FactKinds.StayingPut,
        Key = key,
        Child = child,
        On = Day,
        Flag = flag,
        SourceEventId = Guid.NewGuid(),
        OccurredAt = occurredAt,
        ReceivedAt = occurredAt,
    };

    private static async Task<BoardDbContext> FreshBoardAsync(string connectionString)
    {
        var db = new BoardDbContext(new DbContextOptionsBuilder<BoardDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }
}
