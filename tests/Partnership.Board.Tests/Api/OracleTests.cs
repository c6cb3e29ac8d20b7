using Microsoft.EntityFrameworkCore;
using Partnership.Board.Domain;
using Partnership.Board.Tests.Infrastructure;

namespace Partnership.Board.Tests.Api;

/// <summary>
/// Each computed indicator against the answer worked out by hand from <see cref="Scenario"/> (financial year 2016/17,
/// looked-after cohort at 31 March 2017: C00–C24, of whom C00–C19 for 12 months or more).
/// </summary>
public sealed class OracleTests(OracleFixture fixture) : IClassFixture<OracleFixture>
{
    [Theory]
    [InlineData("1.1", 15, 20, 75.0)]        // reviews on time: C00–C14 of C00–C19
    [InlineData("1.2", 14, 20, 70.0)]        // participation: all but C00–C05 (PN0)
    [InlineData("1.7", 8, 15, 53.3)]         // wishes and feelings in 8 of 15 assessments
    [InlineData("HA-TIMELY", 10, 15, 66.7)]  // completed 1 June: due 10 June for C00–C09, 20 May for C10–C14
    [InlineData("2.4a", 100, 2000, 5.0)]     // 50 authorised + 50 unauthorised of 2,000 sessions (C19's correction wins)
    [InlineData("2.4b", 50, 2000, 2.5)]
    [InlineData("2.4c", 50, 2000, 2.5)]
    [InlineData("2.4d", 10, 20, 50.0)]       // C00–C09 each missed exactly 10%
    [InlineData("2.5", 10, 15, 66.7)]        // latest activity per care leaver aged 17–21; L15 (22) out
    [InlineData("3.3", 10, 15, 66.7)]
    [InlineData("4.1", 5, 20, 25.0)]         // the re-import only: 5 of its 20 children aged 10+; old import and straggler ignored
    [InlineData("4.6", 7, 12, 58.3)]
    [InlineData("5.1", 15, 20, 75.0)]        // 12-month cohort C00–C19, assessed in the year: C00–C14
    [InlineData("6.3a", 6, 25, 24.0)]        // C00–C05: placement at the window's start plus two moves
    [InlineData("6.3b", 14, 20, 70.0)]       // under 16, in care 2.5 years, unmoved for 2: C06–C19
    [InlineData("7.1", 8, 20, 40.0)]         // IFA share of foster placements: C12–C19
    [InlineData("7.4", 17, 25, 68.0)]        // C00–C11 and C20–C24 within 20 miles
    public async Task Computed_indicator_matches_the_hand_computed_answer(string id, int numerator, int denominator, double value)
    {
        using var http = await fixture.Host.ReaderAsync();
        var indicator = Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016")), id);

        Assert.Equal(numerator, Json.Count(indicator, "numerator"));
        Assert.Equal(denominator, Json.Count(indicator, "denominator"));
        Assert.Equal((decimal)value, Json.Value(indicator));
    }

    [Fact]
    public async Task Three_adoption_discharges_are_published_as_suppressed_in_the_quarter_and_the_year()
    {
        using var http = await fixture.Host.ReaderAsync();
        foreach (var query in new[] { "year=2016", "year=2016&quarter=3" })
        {
            var indicator = Json.Indicator(await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{query}")), "6.1a");
            Assert.True(indicator.GetProperty("numerator").GetProperty("suppressed").GetBoolean());
            Assert.Null(Json.Count(indicator, "numerator"));
            Assert.Null(Json.Value(indicator));
        }
    }

    [Fact]
    public async Task Annual_ssda903_measure_falls_in_the_fourth_quarter_and_the_old_import_is_gone()
    {
        using var http = await fixture.Host.ReaderAsync();
        var q4 = Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016&quarter=4")), "4.1");
        var q1 = Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016&quarter=1")), "4.1");
        Assert.Equal(25.0m, Json.Value(q4));
        Assert.Null(Json.Value(q1));

        var oldFacts = await fixture.Host.WithDbAsync(db => db.Facts.CountAsync(f => f.Kind == FactKinds.Oc2 && f.ImportId == Scenario.OldImport));
        Assert.Equal(0, oldFacts);
    }

    [Fact]
    public async Task Facts_hold_pseudonyms_only()
    {
        var facts = await fixture.Host.WithDbAsync(db => db.Facts.AsNoTracking().ToListAsync());
        Assert.NotEmpty(facts);
        Assert.All(facts, f =>
        {
            Assert.DoesNotContain("SCN-", f.Child, StringComparison.Ordinal);
            Assert.DoesNotContain("SCN-", f.Key, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{32}$", f.Child);
        });
    }

    [Fact]
    public async Task Every_indicator_of_both_plans_computes_and_priorities_carry_rag()
    {
        using var http = await fixture.Host.ReaderAsync();
        var strategy = await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016"));
        Assert.Equal(60, strategy.GetProperty("indicators").GetArrayLength());
        Assert.Equal(7, strategy.GetProperty("priorities").GetArrayLength());
        var sp1 = strategy.GetProperty("priorities")[0];
        Assert.Equal("SP1", sp1.GetProperty("id").GetString());
        // 1.1 is 75% against 97%: red; 1.2 is 70% against 90%: red.
        Assert.Equal("Red", Json.Indicator(strategy, "1.1").GetProperty("rag").GetString());
        Assert.Equal("Monitor", Json.Indicator(strategy, "HA-TIMELY").GetProperty("rag").GetString());
        Assert.Contains(Json.Indicator(strategy, "1.1").GetProperty("reviewFlags").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "target-worse-than-baseline");

        var county = await Json.ReadAsync(await http.GetAsync("/api/board/indicators?plan=county-ambitions-2018-21&year=2016"));
        Assert.Equal(75.0m, Json.Value(Json.Indicator(county, "B1")));
    }

    [Fact]
    public async Task Detail_gives_eight_quarters_and_eight_years_with_trend()
    {
        using var http = await fixture.Host.ReaderAsync();
        var detail = await Json.ReadAsync(await http.GetAsync("/api/board/indicators/5.1?year=2016"));
        var quarters = detail.GetProperty("quarters").EnumerateArray().ToList();
        var years = detail.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(8, quarters.Count);
        Assert.Equal(8, years.Count);
        Assert.Equal("2016/17 Q4", quarters[^1].GetProperty("period").GetProperty("label").GetString());
        Assert.Equal("2009/10", years[0].GetProperty("period").GetProperty("label").GetString());
        Assert.Equal(75.0m, Json.Value(years[^1]));
        Assert.Equal("76.9%", detail.GetProperty("indicator").GetProperty("baseline").GetString());
        Assert.Equal(90m, detail.GetProperty("indicator").GetProperty("targetValue").GetDecimal());
        // At 31 March 2016 C00–C19 and C27–C29 had been looked after 12 months and none had an assessment in that year: 0%.
        Assert.Equal(0m, Json.Value(years[^2]));
        Assert.Equal("Improving", years[^1].GetProperty("trend").GetString());
    }

    [Fact]
    public async Task Csv_export_of_the_overview_and_a_detail()
    {
        using var http = await fixture.Host.ReaderAsync();
        var byQuery = await http.GetAsync("/api/board/indicators?year=2016&format=csv");
        Assert.Equal("text/csv", byQuery.Content.Headers.ContentType!.MediaType);
        var csv = await byQuery.Content.ReadAsStringAsync();
        Assert.StartsWith("plan,priority,indicator,", csv, StringComparison.Ordinal);
        Assert.Contains("strategy-2016-17,SP5,5.1,5.1,", csv, StringComparison.Ordinal);
        Assert.Contains(",suppressed,", csv, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/board/indicators/2.4a?year=2016");
        request.Headers.Accept.ParseAdd("text/csv");
        var byAccept = await http.SendAsync(request);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType!.MediaType);
        Assert.Equal(17, (await byAccept.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var plans = await (await http.GetAsync("/api/board/plans?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("HigherIsBetter", plans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilt_snapshots_equal_live_computation()
    {
        using var admin = await fixture.Host.AdminAsync();
        var rebuild = await admin.PostAsync("/api/board/rebuild?fromYear=2015&toYear=2016", null);
        var summary = await Json.ReadAsync(rebuild);
        Assert.True(summary.GetProperty("snapshots").GetInt32() > 0);

        using var http = await fixture.Host.ReaderAsync();
        foreach (var period in new[] { "year=2016", "year=2016&quarter=3", "year=2015" })
        {
            var live = await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{period}"));
            var stored = await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{period}&source=snapshot"));
            Assert.Equal("snapshot", stored.GetProperty("source").GetString());
            foreach (var l in live.GetProperty("indicators").EnumerateArray())
            {
                var id = l.GetProperty("id").GetString()!;
                var s = Json.Indicator(stored, id);
                Assert.True(Json.Count(l, "numerator") == Json.Count(s, "numerator") && Json.Count(l, "denominator") == Json.Count(s, "denominator")
                    && Json.Value(l) == Json.Value(s) && l.GetProperty("rag").GetString() == s.GetProperty("rag").GetString(),
                    $"{id} in {period}: live {l} stored {s}");
            }
        }
    }
}
