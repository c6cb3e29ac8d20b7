using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Tests.Unit;

public sealed class SharedCohortsTests
{
    private static Measure M(string id) => MeasureCatalogue.All[id];

    [Fact]
    public void Measures_sharing_the_looked_after_cohort_read_it_from_one_table()
    {
        var shared = SharedCohorts.For([M("pep-current"), M("gp-registered"), M("reviews-on-time")]);

        var pep = shared.Rewrite(M("pep-current").Sql);
        Assert.DoesNotContain(Cohorts.LookedAfter, pep, StringComparison.Ordinal);
        Assert.Contains("looked_after AS (SELECT * FROM board_cohort_looked_after)", pep, StringComparison.Ordinal);
        Assert.Equal(M("reviews-on-time").Sql, shared.Rewrite(M("reviews-on-time").Sql));
    }

    [Fact]
    public void Placement_measures_share_both_cohorts_and_a_lone_cohort_measure_computes_its_own()
    {
        var shared = SharedCohorts.For([M("ifa-placements"), M("within-20-miles")]);
        var ifa = shared.Rewrite(M("ifa-placements").Sql);
        Assert.Contains("FROM board_cohort_looked_after", ifa, StringComparison.Ordinal);
        Assert.Contains("FROM board_cohort_current_placement", ifa, StringComparison.Ordinal);
        Assert.DoesNotContain("CROSS JOIN LATERAL", ifa, StringComparison.Ordinal);

        var alone = SharedCohorts.For([M("pep-current")]);
        Assert.Equal(M("pep-current").Sql, alone.Rewrite(M("pep-current").Sql));
    }
}
