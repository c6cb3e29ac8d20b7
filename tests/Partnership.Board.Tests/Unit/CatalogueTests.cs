using Partnership.Board.Catalogue;
using Partnership.Board.Indicators.Measures;
using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Unit;

public sealed class CatalogueTests
{
    private static readonly PlanCatalogue Catalogue = PlanCatalogue.LoadEmbedded();
    private static PlanDefinition Strategy => Catalogue.Find("strategy-2016-17")!;

    [Fact]
    public void Every_indicator_line_of_the_seed_action_plan_is_in_the_catalogue_verbatim()
    {
        var seed = SeedActionPlan.Lines();
        Assert.True(seed.Count >= 55, $"The seed parser found only {seed.Count} lines");
        var indicators = Strategy.Indicators.Where(i => !i.Supplementary).ToList();

        foreach (var line in seed)
        {
            var isHeading = line.Text.EndsWith(':') && line.Baseline.Length == 0 && line.Target.Length == 0;
            if (isHeading)
            {
                Assert.Contains(indicators, i => i.ActionId == line.ActionId && i.Heading == line.Text);
                continue;
            }
            var match = indicators.SingleOrDefault(i => i.ActionId == line.ActionId && i.Text == line.Text);
            Assert.True(match is not null, $"Seed line {line.ActionId} \"{line.Text}\" is not in the catalogue");
            Assert.Equal(line.Baseline, match.Baseline);
            Assert.Equal(line.Target, match.Target);
        }

        // Nothing in the catalogue that the seed does not have (apart from lead-in headings, which are not lines of their own).
        var seedKeys = seed.Select(l => (l.ActionId, l.Text)).ToHashSet();
        Assert.All(indicators, i => Assert.Contains((i.ActionId, i.Text), seedKeys));
    }

    [Fact]
    public void Actions_with_several_indicators_get_lettered_ids()
    {
        var ids = Strategy.Indicators.Select(i => i.Id).ToHashSet();
        foreach (var expected in new[] { "1.6a", "1.6c", "2.2b", "2.4a", "2.4d", "4.5b", "5.5d", "6.1c", "6.2h", "6.3b" })
        {
            Assert.Contains(expected, ids);
        }
        Assert.DoesNotContain("2.4", ids);
        Assert.Contains("1.1", ids);
        Assert.Equal("SP6", Strategy.Indicator("6.2a")!.Priority);
        Assert.Contains("CiC Health Team", Strategy.Indicator("5.5b")!.ResponsibleArea, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_indicator_has_exactly_one_source_and_computed_ones_name_a_known_measure()
    {
        foreach (var plan in Catalogue.Plans)
        {
            Assert.All(plan.Indicators, i =>
            {
                Assert.True(Enum.IsDefined(i.Source.Kind), $"{plan.Id}/{i.Id} has no source kind");
                if (i.Source.Kind == SourceKind.Manual)
                {
                    Assert.Null(i.Source.Measure);
                }
                else
                {
                    Assert.True(MeasureCatalogue.All.ContainsKey(i.Source.Measure!), $"{plan.Id}/{i.Id} names unknown measure {i.Source.Measure}");
                }
            });
        }
    }

    [Fact]
    public void Every_action_from_1_1_to_7_4_is_covered()
    {
        var actions = Strategy.Indicators.Select(i => i.ActionId).ToHashSet();
        int[] actionsPerPriority = [7, 5, 4, 6, 9, 4, 4];
        for (var p = 1; p <= 7; p++)
        {
            for (var a = 1; a <= actionsPerPriority[p - 1]; a++)
            {
                Assert.Contains($"{p}.{a}", actions);
            }
        }
    }

    [Fact]
    public void The_county_plan_has_the_six_ambitions_each_with_an_indicator()
    {
        var county = Catalogue.Find("county-ambitions-2018-21")!;
        Assert.Equal(["A", "B", "C", "D", "E", "F"], county.Priorities.Select(p => p.Id));
        Assert.All(county.Priorities, p => Assert.Contains(county.Indicators, i => i.Priority == p.Id));
        Assert.Contains("sustained and fulfilling employment", county.Priorities[5].Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.1", ReviewFlags.TargetWorseThanBaseline)]
    [InlineData("2.5", ReviewFlags.TargetWorseThanBaseline)]
    [InlineData("2.4a", ReviewFlags.TargetWorseThanBaseline)]
    [InlineData("6.3a", ReviewFlags.TargetWorseThanBaseline)]
    [InlineData("1.7", ReviewFlags.BaselineNotNumeric)]
    [InlineData("3.2", ReviewFlags.TargetNotNumeric)]
    [InlineData("1.6a", ReviewFlags.TargetNotNumeric)]
    [InlineData("4.2", ReviewFlags.NoIndicatorInSource)]
    public void Inconsistent_or_missing_source_values_are_flagged_and_kept_verbatim(string id, string code)
    {
        var indicator = Strategy.Indicator(id)!;
        Assert.Contains(ReviewFlags.For(indicator), f => f.Code == code);
    }

    [Fact]
    public void Consistent_lines_carry_no_automatic_flag()
    {
        var flags = ReviewFlags.For(Strategy.Indicator("5.1")!);
        Assert.DoesNotContain(flags, f => f.Code != ReviewFlags.Note);
        Assert.Equal("97%", Strategy.Indicator("1.1")!.Target);
        Assert.Equal(97m, Strategy.Indicator("1.1")!.TargetValue);
    }
}
