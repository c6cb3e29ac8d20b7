using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.VirtualSchool.Tests;

/// <summary>The bulk attendance feed and corrections against real PostgreSQL, RabbitMQ and tokens.</summary>
public sealed class AttendanceFeedTests(VirtualSchoolFixture fixture) : IClassFixture<VirtualSchoolFixture>
{
    private const string Bulk = "/api/virtual-school/attendance/bulk";

    [Fact]
    public async Task A_100k_row_csv_feed_is_stored_and_each_child_week_is_summarised_with_the_known_absence()
    {
        const string prefix = "VS-CSV-";
        using var http = await fixture.SystemClientAsync();

        var response = await http.PostAsync(Bulk, FeedContent.Csv(KnownFeed.Csv(prefix)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(KnownFeed.Rows, result.GetProperty("rowsReceived").GetInt64());
        Assert.Equal(KnownFeed.Rows, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(KnownFeed.Children * KnownFeed.Weeks, result.GetProperty("childWeeksSummarised").GetInt32());
        Assert.Equal(KnownFeed.Rows, await fixture.MarkCountAsync(prefix));
        await AssertKnownWeeklySummaries(prefix, expectedEventsPerWeek: 1);
        await AssertKnownAbsence(http, prefix);
    }

    [Fact]
    public async Task A_100k_row_ndjson_feed_sent_twice_is_stored_once_and_summarised_the_same()
    {
        const string prefix = "VS-ND-";
        using var http = await fixture.SystemClientAsync();

        var first = await http.PostAsync(Bulk, FeedContent.Ndjson(KnownFeed.Ndjson(prefix)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(KnownFeed.Rows, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marksChanged").GetInt64());

        var again = await http.PostAsync(Bulk, FeedContent.Ndjson(KnownFeed.Ndjson(prefix)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(KnownFeed.Rows, second.GetProperty("rowsReceived").GetInt64());
        Assert.Equal(0, second.GetProperty("marksChanged").GetInt64());

        Assert.Equal(KnownFeed.Rows, await fixture.MarkCountAsync(prefix));
        // Each feed re-summarises the weeks it touched; the second summary of a week says exactly what the first did.
        await AssertKnownWeeklySummaries(prefix, expectedEventsPerWeek: 2);
        await AssertKnownAbsence(http, prefix);
    }

    [Fact]
    public async Task A_correction_replaces_the_mark_and_re_summarises_its_week()
    {
        const string child = "VS-COR-0001";
        using var http = await fixture.SystemClientAsync();
        var week = Enumerable.Range(0, 5).SelectMany(d => new[]
        {
            $"{child},{KnownFeed.FirstMonday.AddDays(d):yyyy-MM-dd},AM,/",
            $"{child},{KnownFeed.FirstMonday.AddDays(d):yyyy-MM-dd},PM,\\",
        }).Prepend("childKey,date,session,mark");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(Bulk, FeedContent.Csv(week))).StatusCode);

        var wednesday = KnownFeed.FirstMonday.AddDays(2).ToString("yyyy-MM-dd");
        var corrected = await http.PutAsJsonAsync($"/api/virtual-school/attendance/{child}/{wednesday}/am", new { mark = "O" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var marks = await http.GetFromJsonAsync<JsonElement>($"/api/virtual-school/attendance?childKey={child}&pageSize=100");
        Assert.Equal(10, marks.GetProperty("totalCount").GetInt32());
        var wednesdayAm = marks.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("date").GetString() == wednesday && m.GetProperty("session").GetString() == "AM");
        Assert.Equal("O", wednesdayAm.GetProperty("mark").GetString());
        Assert.Equal("UnauthorisedAbsence", wednesdayAm.GetProperty("category").GetString());

        var summaries = await fixture.OutboxEventsAsync("AttendanceWeekSummarised", child);
        Assert.Equal(2, summaries.Count);
        Assert.Equal(0, summaries[0].GetProperty("unauthorisedAbsences").GetInt32());
        Assert.Equal(1, summaries[1].GetProperty("unauthorisedAbsences").GetInt32());
        Assert.Equal(10, summaries[1].GetProperty("possibleSessions").GetInt32());
    }

    [Fact]
    public async Task A_correction_sent_twice_changes_the_mark_once_and_summarises_the_week_each_time()
    {
        const string child = "VS-COR-TWICE";
        using var http = await fixture.SystemClientAsync();
        var tuesday = KnownFeed.FirstMonday.AddDays(1).ToString("yyyy-MM-dd");
        var url = $"/api/virtual-school/attendance/{child}/{tuesday}/pm";

        var first = await (await http.PutAsJsonAsync(url, new { mark = "I" })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await http.PutAsJsonAsync(url, new { mark = "I" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        // The identical mark is left as it was stored, as a re-sent feed leaves it.
        Assert.Equal(first.GetProperty("recordedAt").GetDateTimeOffset(), second.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal("AuthorisedAbsence", second.GetProperty("category").GetString());
        Assert.Equal(1, await fixture.MarkCountAsync(child));
        var summaries = await fixture.OutboxEventsAsync("AttendanceWeekSummarised", child);
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, s =>
        {
            Assert.Equal(KnownFeed.FirstMonday.ToString("yyyy-MM-dd"), s.GetProperty("weekStarting").GetString());
            Assert.Equal(1, s.GetProperty("possibleSessions").GetInt32());
            Assert.Equal(1, s.GetProperty("authorisedAbsences").GetInt32());
        });
    }

    [Fact]
    public async Task A_correction_with_bad_fields_gets_field_errors_and_changes_nothing()
    {
        using var http = await fixture.SystemClientAsync();
        var response = await http.PutAsJsonAsync("/api/virtual-school/attendance/VS-BADCOR-1/2026-13-40/EVE", new { mark = "!" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "date", "session", "mark" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await fixture.MarkCountAsync("VS-BADCOR-"));
    }

    [Fact]
    public async Task A_feed_with_bad_rows_is_rejected_whole_with_the_rows_and_fields_named_and_nothing_stored()
    {
        const string prefix = "VS-BAD-";
        using var http = await fixture.SystemClientAsync();
        string[] lines =
        [
            "child_key,date,session,mark",
            $"{prefix}0001,2026-05-04,AM,/",
            $"{prefix}0001,2026-05-04,PM,\\",
            $"{prefix}0001,2026-05-05,AM,Q9",
            $"{prefix}0001,2099-01-01,PM,/",
            $"bad key!,2026-05-06,XX,/",
            $"{prefix}0001,2026-05-07",
        ];

        var response = await http.PostAsync(Bulk, FeedContent.Csv(lines));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, problem.GetProperty("invalidRows").GetInt64());
        Assert.Equal(6, problem.GetProperty("rowsReceived").GetInt64());
        var rowErrors = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(4L, "mark"), (5L, "date"), (6L, "childKey"), (6L, "session"), (7L, "row")], rowErrors);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[4].mark", out _));

        Assert.Equal(0, await fixture.MarkCountAsync(prefix));
        Assert.Empty(await fixture.OutboxEventsAsync("AttendanceWeekSummarised", prefix));
    }

    [Fact]
    public async Task Callers_without_the_right_token_are_refused_and_nothing_is_stored()
    {
        const string prefix = "VS-AUTH-";
        string[] feed = ["childKey,date,session,mark", $"{prefix}0001,2026-05-04,AM,/"];

        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Bulk, FeedContent.Csv(feed))).StatusCode);

        // Another agency's token is issued for its own API, so it fails authentication here.
        using var health = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await health.PostAsync(Bulk, FeedContent.Csv(feed))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await health.GetAsync("/api/virtual-school/attendance")).StatusCode);

        using var readOnly = await fixture.SystemClientAsync("virtual-school.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync(Bulk, FeedContent.Csv(feed))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await readOnly.PutAsJsonAsync($"/api/virtual-school/attendance/{prefix}0001/2026-05-04/AM", new { mark = "O" })).StatusCode);

        Assert.Equal(0, await fixture.MarkCountAsync(prefix));
    }

    [Fact]
    public async Task A_feed_in_another_format_is_refused_with_415()
    {
        using var http = await fixture.SystemClientAsync();
        var response = await http.PostAsync(Bulk, new StringContent("<marks/>", System.Text.Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task AssertKnownWeeklySummaries(string prefix, int expectedEventsPerWeek)
    {
        var summaries = await fixture.OutboxEventsAsync("AttendanceWeekSummarised", prefix);
        Assert.Equal(KnownFeed.Children * KnownFeed.Weeks * expectedEventsPerWeek, summaries.Count);
        var byWeek = summaries.GroupBy(s => (s.GetProperty("childKey").GetString()!, s.GetProperty("weekStarting").GetString()!)).ToList();
        Assert.Equal(KnownFeed.Children * KnownFeed.Weeks, byWeek.Count);
        Assert.All(byWeek, week => Assert.Equal(expectedEventsPerWeek, week.Count()));
        Assert.All(byWeek, week => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(week.Key.Item2).DayOfWeek));
        Assert.All(summaries, s =>
        {
            var child = int.Parse(s.GetProperty("childKey").GetString()![prefix.Length..]);
            var absences = child % 2 == 0 ? 1 : 0;
            Assert.Equal(9, s.GetProperty("possibleSessions").GetInt32());
            Assert.Equal(absences, s.GetProperty("authorisedAbsences").GetInt32());
            Assert.Equal(absences, s.GetProperty("unauthorisedAbsences").GetInt32());
            Assert.Equal("virtual-school", s.GetProperty("sourceAgency").GetString());
        });
    }

    /// <summary>Over the 20 weeks an even child misses 40 of 180 possible sessions (22.2%): persistently absent.</summary>
    private static async Task AssertKnownAbsence(HttpClient http, string prefix)
    {
        var even = await http.GetFromJsonAsync<JsonElement>($"/api/virtual-school/attendance/absence?childKey={KnownFeed.Key(prefix, 2)}");
        var child = Assert.Single(even.GetProperty("items").EnumerateArray());
        Assert.Equal(180, child.GetProperty("possibleSessions").GetInt32());
        Assert.Equal(20, child.GetProperty("authorisedAbsences").GetInt32());
        Assert.Equal(20, child.GetProperty("unauthorisedAbsences").GetInt32());
        Assert.Equal(22.2m, child.GetProperty("overallAbsencePercent").GetDecimal());
        Assert.True(child.GetProperty("persistentlyAbsent").GetBoolean());

        var odd = await http.GetFromJsonAsync<JsonElement>($"/api/virtual-school/attendance/absence?childKey={KnownFeed.Key(prefix, 1)}");
        var oddChild = Assert.Single(odd.GetProperty("items").EnumerateArray());
        Assert.Equal(0m, oddChild.GetProperty("overallAbsencePercent").GetDecimal());
        Assert.False(oddChild.GetProperty("persistentlyAbsent").GetBoolean());
    }
}
