using System.Reflection;
using System.Text.Json;
using Partnership.Board.Indicators.Measures;
using Partnership.Board.Tests.Oracles;

namespace Partnership.Board.Tests.Api;

/// <summary>
/// Every computed measure the hand-worked <see cref="OracleTests"/> do not cover, checked through the HTTP API against
/// <see cref="MeasureOracle"/>'s answer from the scenario's own records, in each plan that uses it.
/// </summary>
public sealed class MeasureOracleTests(MeasureOracleFixture fixture) : IClassFixture<MeasureOracleFixture>
{
    public static TheoryData<string> Measures => new(MeasureOracle.Measures);

    [Theory]
    [MemberData(nameof(Measures))]
    public void Measure_gives_the_oracle_answer_in_every_plan_that_names_it(string measure)
    {
        var year = MeasureOracle.For(measure, fixture.World, MeasureOracleFixture.Year.From, MeasureOracleFixture.Year.To);
        // The scenario has to make the year's answer publishable, or the comparison below would prove little.
        Assert.False(year.NumeratorHidden || year.DenominatorHidden || year.Value is null, $"The scenario gives {measure} an unpublishable {year} for the year");

        var users = MeasureOracleFixture.Catalogue.Plans
            .SelectMany(p => p.Indicators.Where(i => i.Source.Measure == measure).Select(i => (Plan: p.Id, Indicator: i.Id)))
            .ToList();
        Assert.NotEmpty(users);
        foreach (var period in new[] { MeasureOracleFixture.Year, MeasureOracleFixture.Quarter })
        {
            var expected = MeasureOracle.For(measure, fixture.World, period.From, period.To);
            foreach (var (plan, id) in users)
            {
                var actual = Json.Indicator(fixture.Overviews[(plan, period)], id);
                Assert.True(Published(expected) == Published(actual),
                    $"{plan}/{id} ({measure}) for {period.Label}: expected {Published(expected)} from {expected}, the board gave {Published(actual)}");
            }
        }
    }

    [Fact]
    public void Every_computed_measure_of_the_catalogue_has_an_oracle()
    {
        // The hand-worked oracle covers the indicators in its theory's data, and 6.1a's suppression.
        var handWorked = typeof(OracleTests).GetMethod(nameof(OracleTests.Computed_indicator_matches_the_hand_computed_answer))!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(a => (string)a.Data[0]!)
            .Select(id => MeasureOracleFixture.Catalogue.DefaultPlan.Indicator(id)!.Source.Measure!);
        var covered = handWorked.Concat(MeasureOracle.Measures).ToHashSet();

        Assert.Empty(MeasureCatalogue.All.Keys.Except(covered));
        Assert.All(MeasureOracleFixture.Catalogue.Plans.SelectMany(p => p.Indicators).Where(i => i.Source.Measure is not null),
            i => Assert.Contains(i.Source.Measure!, covered));
    }

    [Fact]
    public void A_share_over_100_percent_from_faulty_records_is_published_flagged_without_a_value()
    {
        var overview = fixture.Overviews[(MeasureOracleFixture.Catalogue.DefaultPlan.Id, MeasureOracleFixture.FaultyYear)];

        var overall = Json.Indicator(overview, "2.4a");
        Assert.Equal(60, Json.Count(overall, "numerator"));      // 60 absences against 50 possible sessions
        Assert.Equal(50, Json.Count(overall, "denominator"));
        Assert.Null(Json.Value(overall));
        Assert.Equal("NoData", overall.GetProperty("rag").GetString());
        Assert.Contains(overall.GetProperty("reviewFlags").EnumerateArray(), f => f.GetProperty("code").GetString() == "data-quality");

        var authorised = Json.Indicator(overview, "2.4b"); // 30 of 50 is a share: published as usual, unflagged
        Assert.Equal(60.0m, Json.Value(authorised));
        Assert.DoesNotContain(authorised.GetProperty("reviewFlags").EnumerateArray(), f => f.GetProperty("code").GetString() == "data-quality");
    }

    private static string Published(Expected e) =>
        $"numerator {(e.NumeratorHidden ? "hidden" : e.Numerator.ToString())}, " +
        $"denominator {(e.Shape == OracleShape.Count ? "none" : e.DenominatorHidden ? "hidden" : e.Denominator.ToString())}, value {e.Value?.ToString("0.0") ?? "none"}";

    private static string Published(JsonElement indicator)
    {
        static string Cell(JsonElement cell) => cell.GetProperty("suppressed").GetBoolean() ? "hidden"
            : cell.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetInt64().ToString() : "none";
        return $"numerator {Cell(indicator.GetProperty("numerator"))}, denominator {Cell(indicator.GetProperty("denominator"))}, " +
            $"value {(Json.Value(indicator) is { } v ? v.ToString("0.0") : "none")}";
    }
}
