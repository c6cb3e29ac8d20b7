using Partnership.Board.Catalogue;
using Partnership.Board.Indicators;

namespace Partnership.Board.Tests.Unit;

public sealed class SuppressionTests
{
    [Fact]
    public void Discharges_by_order_type_hide_a_small_cell_and_a_second_one_so_it_cannot_be_subtracted_out()
    {
        // 40 discharges: adoption 30, special guardianship 7, child arrangements 3.
        var (total, parts) = SmallNumberSuppression.Breakdown(40, [30, 7, 3]);
        Assert.Equal(40, total.Value);
        Assert.True(parts[2].Suppressed);        // primary: 3
        Assert.True(parts[1].Suppressed);        // secondary: the smallest other part, else 40 - 30 - 7 = 3
        Assert.Equal(30, parts[0].Value);
    }

    [Fact]
    public void Two_hidden_cells_whose_sum_is_small_need_a_third()
    {
        // 1 + 2 = 3 would be recoverable as the total minus the shown cells.
        var (_, parts) = SmallNumberSuppression.Breakdown(60, [1, 2, 20, 37]);
        Assert.True(parts[0].Suppressed && parts[1].Suppressed && parts[2].Suppressed);
        Assert.False(parts[3].Suppressed);
    }

    [Fact]
    public void A_small_total_hides_everything_and_nothing_small_means_nothing_hidden()
    {
        var (total, parts) = SmallNumberSuppression.Breakdown(4, [1, 3]);
        Assert.True(total.Suppressed);
        Assert.All(parts, p => Assert.True(p.Suppressed));

        var (shown, clean) = SmallNumberSuppression.Breakdown(30, [10, 20, 0]);
        Assert.False(shown.Suppressed);
        Assert.All(clean, p => Assert.False(p.Suppressed));
    }

    [Fact]
    public void No_breakdown_lets_a_small_cell_be_recovered()
    {
        var random = new Random(903);
        for (var run = 0; run < 2000; run++)
        {
            var parts = Enumerable.Range(0, random.Next(2, 5)).Select(_ => (long)random.Next(0, 12)).ToList();
            var (total, shown) = SmallNumberSuppression.Breakdown(parts.Sum(), parts);
            if (total.Suppressed)
            {
                continue;
            }
            var hidden = parts.Where((_, i) => shown[i].Suppressed).ToList();
            var recovered = total.Value!.Value - shown.Where(s => !s.Suppressed).Sum(s => s.Value!.Value);
            Assert.Equal(hidden.Sum(), recovered);
            Assert.False(hidden.Count == 1 && hidden[0] > 0, $"single hidden cell recoverable in [{string.Join(",", parts)}]");
            Assert.False(SmallNumberSuppression.IsSmall(recovered), $"small hidden sum recoverable in [{string.Join(",", parts)}]");
        }
    }

    [Fact]
    public void Absence_split_suppresses_the_unauthorised_share_when_the_authorised_one_is_hidden()
    {
        var plan = PlanCatalogue.LoadEmbedded().DefaultPlan;
        var group = plan.GroupOf("2.4b")!;
        Assert.Equal("2.4a", group.Total);
        var raws = new Dictionary<string, RawValue>
        {
            ["2.4a"] = new(53, 1000, 5.3m, null),
            ["2.4b"] = new(3, 1000, 0.3m, null),
            ["2.4c"] = new(50, 1000, 5.0m, null),
        };
        var published = raws.ToDictionary(r => r.Key, r => IndicatorPublisher.Suppress(plan.Indicator(r.Key)!, r.Value));
        Assert.True(published["2.4b"].Numerator.Suppressed);
        Assert.False(published["2.4c"].Numerator.Suppressed); // on its own 50 of 1000 is safe

        IndicatorPublisher.SuppressGroup(group, raws, published);

        Assert.True(published["2.4c"].Numerator.Suppressed); // 53 - 50 would give the 3 away
        Assert.Null(published["2.4c"].Value);                // and so would 5.0% of a shown denominator
        Assert.Null(published["2.4b"].Value);
    }

    [Fact]
    public void Average_days_are_withheld_when_the_cases_are_few()
    {
        var indicator = PlanCatalogue.LoadEmbedded().DefaultPlan.Indicator("6.2f")!;
        var few = IndicatorPublisher.Suppress(indicator, new RawValue(300, 4, 75m, null));
        Assert.True(few.Denominator.Suppressed);
        Assert.Null(few.Value);
        var many = IndicatorPublisher.Suppress(indicator, new RawValue(600, 8, 75m, null));
        Assert.Equal(75m, many.Value);
    }

    [Theory]
    [InlineData(21, 20, false, false)] // no "not met" cell to protect: each count on its own
    [InlineData(3, 2, true, true)]     // a small denominator still hides both
    [InlineData(7, 3, true, true)]
    [InlineData(-6, 20, false, false)]
    public void An_inconsistent_proportion_does_not_throw_and_hides_only_small_counts(int numerator, int denominator, bool hideNumerator, bool hideDenominator)
    {
        var (n, d) = SmallNumberSuppression.Proportion(numerator, denominator);
        Assert.Equal(hideNumerator, n.Suppressed);
        Assert.Equal(hideDenominator, d.Suppressed);
        Assert.False(SmallNumberSuppression.IsConsistentProportion(numerator, denominator));
    }

    [Fact]
    public void A_share_over_100_percent_keeps_its_counts_loses_its_value_and_is_flagged()
    {
        var plan = PlanCatalogue.LoadEmbedded().DefaultPlan;
        var overall = plan.Indicator("2.4a")!;
        var faulty = new RawValue(60, 50, 120.0m, null);

        var published = IndicatorPublisher.Suppress(overall, faulty);
        Assert.Equal((60, 50), (published.Numerator.Value, published.Denominator.Value));
        Assert.Null(published.Value);
        var result = IndicatorPublisher.ToResult(overall, new ReportingPeriod(2016, null), published, faulty, null);
        Assert.Equal(RagStatus.NoData, result.Rag);
        Assert.Contains(result.ReviewFlags, f => f.Code == ReviewFlags.DataQuality && f.Reason.Contains("60", StringComparison.Ordinal));

        Assert.Null(IndicatorPublisher.DataQualityFlag(overall, new RawValue(50, 50, 100m, null)));

        // A negative part cannot be a breakdown either: the group is left to its members' own suppression.
        var raws = new Dictionary<string, RawValue>
        {
            ["2.4a"] = new(24, 50, 48m, null), ["2.4b"] = new(-6, 50, -12m, null), ["2.4c"] = new(30, 50, 60m, null),
        };
        var members = raws.ToDictionary(r => r.Key, r => IndicatorPublisher.Suppress(plan.Indicator(r.Key)!, r.Value));
        IndicatorPublisher.SuppressGroup(plan.GroupOf("2.4a")!, raws, members);
        Assert.Null(members["2.4b"].Value);
        Assert.Equal(60m, members["2.4c"].Value);
        // Days over cases is an average, not a share: 600 days over 8 adoptions is no fault.
        Assert.Null(IndicatorPublisher.DataQualityFlag(plan.Indicator("6.2f")!, new RawValue(600, 8, 75m, null)));
    }
}
