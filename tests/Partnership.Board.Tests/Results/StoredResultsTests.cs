using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;
using Partnership.Board.Tests.Api;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.Contracts.Health.V1;
using Partnership.Testing;

namespace Partnership.Board.Tests.Results;

/// <summary>
/// Stored results: the same numbers as live computation, served from the board's table, and brought up to date by the
/// refresher when facts change, without anyone asking again.
/// </summary>
public sealed class StoredResultsTests(StoredResultsFixture fixture) : IClassFixture<StoredResultsFixture>
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stored_results_equal_live_computation_and_the_rebuild()
    {
        using var http = await fixture.Host.ReaderAsync();
        using var admin = await fixture.Host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/board/rebuild?fromYear=2016&toYear=2016", null)).StatusCode);
        foreach (var period in new[] { "year=2016", "year=2016&quarter=2", "year=2016&quarter=3", "year=2015" })
        {
            var stored = await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{period}"));
            var live = await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{period}&source=live"));
            Assert.Equal("stored", stored.GetProperty("source").GetString());
            Assert.Equal("live", live.GetProperty("source").GetString());
            AssertSameNumbers(live, stored, period);
            if (period.StartsWith("year=2016", StringComparison.Ordinal))
            {
                // Snapshots exist for 2016 only, so their trend has no previous year to compare with.
                AssertSameNumbers(live, await Json.ReadAsync(await http.GetAsync($"/api/board/indicators?{period}&source=snapshot")), period, previous: false);
            }
        }
    }

    [Fact]
    public async Task Sharing_a_cohort_across_measures_gives_each_measure_its_own_answer()
    {
        await using var scope = fixture.Host.Board.Services.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IndicatorCalculator>();
        var measures = MeasureCatalogue.All.Values.ToList();
        foreach (var period in new[] { new ReportingPeriod(2016, null), new ReportingPeriod(2016, 3) })
        {
            var together = await calculator.ComputeAsync(measures, period, TestContext.Current.CancellationToken);
            foreach (var measure in measures)
            {
                var alone = await calculator.ComputeAsync([measure], period, TestContext.Current.CancellationToken);
                Assert.True(alone.Measures[measure.Id].Counts == together.Measures[measure.Id].Counts,
                    $"{measure.Id} {period.Label}: alone {alone.Measures[measure.Id].Counts}, together {together.Measures[measure.Id].Counts}");
            }
        }
    }

    [Fact]
    public async Task A_new_event_reaches_an_overview_already_stored_without_a_rebuild()
    {
        using var http = await fixture.Host.ReaderAsync();
        // Other tests' events may still be being applied (served meanwhile, flagged pending): start from a settled overview.
        var settled = await Eventually.WaitForAsync(
            async () => await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016")), o => !o.GetProperty("pending").GetBoolean(), Refresh);
        var denominator = Json.Count(Json.Indicator(settled, "HA-TIMELY"), "denominator")!.Value;

        await fixture.Host.PublishAndWaitAsync([Assessment("SCN-FRESH-1", completed: new DateOnly(2016, 6, 2), due: new DateOnly(2016, 6, 12))]);

        var after = await Eventually.WaitForAsync(
            async () => await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016")),
            o => Json.Count(Json.Indicator(o, "HA-TIMELY"), "denominator") == denominator + 1 && !o.GetProperty("pending").GetBoolean(), Refresh);
        var live = await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2016&source=live"));
        AssertSameNumbers(live, after, "year=2016 after the event");

        // The change note was claimed: the log is empty again and the kind has a version.
        await Eventually.WaitForAsync(() => fixture.Host.WithDbAsync(db => db.FactChanges.CountAsync()), n => n == 0, Refresh);
        Assert.True(await fixture.Host.WithDbAsync(db => db.FactKindVersions.AnyAsync(v => v.Kind == "health_assessment_facts" && v.Version > 0)));
    }

    [Fact]
    public async Task A_stored_result_is_served_until_a_change_to_a_kind_it_reads_and_then_recomputed()
    {
        var measure = MeasureCatalogue.All["health-assessments-timely"];
        await Eventually.WaitForAsync(() => fixture.Host.WithDbAsync(db => db.FactChanges.CountAsync()), n => n == 0, Refresh);
        var basis = await fixture.Host.WithDbAsync(db => db.FactKindVersions.Select(v => (long?)v.Version).MaxAsync()) ?? 0;
        // A year no scenario fact falls in, stored with counts no fact supports: only the store could say this.
        await fixture.Host.WithDbAsync(async db =>
        {
            db.MeasureResults.Add(new MeasureResult
            {
                MeasureId = measure.Id, FinancialYear = 2011, Quarter = 0, Numerator = 60, Denominator = 80, Basis = basis,
                Definition = MeasureInputs.Of(measure).Definition, ComputedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var http = await fixture.Host.ReaderAsync();
        Assert.Equal(75.0m, Json.Value(Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2011")), "HA-TIMELY")));

        // A change to a kind it does not read leaves it as stored once the refresher has claimed that change...
        await fixture.Host.PublishAndWaitAsync([new ChildInCareReviewHeld
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = Agencies.SocialCare, ChildKey = "SCN-C00",
            HeldOn = new DateOnly(2011, 8, 1), DueOn = new DateOnly(2011, 8, 15), ParticipationCode = "PN1",
        }]);
        await Eventually.WaitForAsync(() => fixture.Host.WithDbAsync(db => db.FactKindVersions.CountAsync(v => v.Kind == "ReviewHeld" && v.Version > basis)), n => n == 1, Refresh);
        Assert.Equal(75.0m, Json.Value(Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2011")), "HA-TIMELY")));

        // ...while a health assessment (a kind it reads) makes the refresher recompute it.
        await fixture.Host.PublishAndWaitAsync([Assessment("SCN-FRESH-2", completed: new DateOnly(2016, 7, 1), due: new DateOnly(2016, 7, 20))]);
        var recomputed = await Eventually.WaitForAsync(
            async () => Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2011")), "HA-TIMELY"),
            i => Json.Value(i) is null, Refresh);
        Assert.True(recomputed.GetProperty("denominator").GetProperty("suppressed").GetBoolean() || Json.Count(recomputed, "denominator") == 0);
        var stored = await fixture.Host.WithDbAsync(db => db.MeasureResults.SingleAsync(r => r.MeasureId == measure.Id && r.FinancialYear == 2011 && r.Quarter == 0));
        Assert.Equal(0, stored.Numerator);
        Assert.True(stored.Basis > basis);
    }

    [Fact]
    public async Task A_stored_result_of_an_older_definition_is_never_served()
    {
        var measure = MeasureCatalogue.All["health-assessments-timely"];
        await fixture.Host.WithDbAsync(async db =>
        {
            db.MeasureResults.Add(new MeasureResult
            {
                MeasureId = measure.Id, FinancialYear = 2012, Quarter = 1, Numerator = 60, Denominator = 80, Basis = long.MaxValue,
                Definition = "0000000000000000", ComputedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var http = await fixture.Host.ReaderAsync();
        var indicator = Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2012&quarter=1")), "HA-TIMELY");
        Assert.Null(Json.Value(indicator));
        var stored = await fixture.Host.WithDbAsync(db => db.MeasureResults.SingleAsync(r => r.MeasureId == measure.Id && r.FinancialYear == 2012 && r.Quarter == 1));
        Assert.Equal(MeasureInputs.Of(measure).Definition, stored.Definition);
        Assert.Equal(0, stored.Numerator);
    }

    [Fact]
    public async Task A_manual_value_is_read_as_entered_even_after_the_overview_was_served()
    {
        using var http = await fixture.Host.ReaderAsync();
        using var member = await fixture.Host.BoardMemberAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(Json.Value(Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2014")), "1.3")));
        }

        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync("/api/board/indicators/1.3/manual-values", new { year = 2014, value = 9, source = "CiCC minutes" })).StatusCode);
        Assert.Equal(9m, Json.Value(Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2014")), "1.3")));

        // An entry written by another board instance (here: straight into the table) reaches this one through the change trigger.
        await fixture.Host.WithDbAsync(async db =>
        {
            db.ManualValues.Add(new ManualValue
            {
                PlanId = "strategy-2016-17", IndicatorId = "1.3", FinancialYear = 2014, Quarter = 0, Value = 11, Source = "CiCC minutes (corrected)",
                EnteredBy = "another instance", EnteredAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await Eventually.WaitForAsync(
            async () => Json.Value(Json.Indicator(await Json.ReadAsync(await http.GetAsync("/api/board/indicators?year=2014")), "1.3")), v => v == 11m, Refresh);
    }

    [Fact]
    public async Task An_unknown_source_is_a_field_error()
    {
        using var http = await fixture.Host.ReaderAsync();
        var response = await http.GetAsync("/api/board/indicators?year=2016&source=cache");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("source", await response.ReadErrorsAsync());
    }

    private static HealthAssessmentCompleted Assessment(string child, DateOnly completed, DateOnly due) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = Agencies.Health, ChildKey = child,
        AssessmentId = Guid.NewGuid(), AssessmentType = HealthAssessmentType.Review, DueDate = due, CompletedOn = completed, WishesAndFeelingsRecorded = true,
    };

    private static void AssertSameNumbers(JsonElement expected, JsonElement actual, string period, bool previous = true)
    {
        foreach (var e in expected.GetProperty("indicators").EnumerateArray())
        {
            var id = e.GetProperty("id").GetString()!;
            var a = Json.Indicator(actual, id);
            Assert.True(Json.Count(e, "numerator") == Json.Count(a, "numerator") && Json.Count(e, "denominator") == Json.Count(a, "denominator")
                && Json.Value(e) == Json.Value(a) && e.GetProperty("rag").GetString() == a.GetProperty("rag").GetString()
                && (!previous || e.GetProperty("previousValue").GetRawText() == a.GetProperty("previousValue").GetRawText()),
                $"{id} in {period}: expected {e} actual {a}");
        }
    }
}
