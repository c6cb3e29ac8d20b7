using System.Net.Http.Json;
using System.Text.Json;

using static Partnership.VirtualSchool.Tests.BulkFeed;

namespace Partnership.VirtualSchool.Tests;

/// <summary>
/// The feed's merge takes different set-based paths for children new to the feed's dates (plain insert), children
/// with marks already there (upsert) and feeds that name a session twice (de-duplicating sort); each must store and
/// summarise exactly what the single upsert did.
/// </summary>
public sealed class AttendanceMergeTests(VirtualSchoolFixture fixture) : IClassFixture<VirtualSchoolFixture>
{
    private static readonly DateOnly Monday = KnownFeed.FirstMonday;

    [Fact]
    public async Task A_session_named_twice_in_a_feed_keeps_its_last_line_and_is_counted_once()
    {
        const string prefix = "VS-TWICE-";
        string child = $"{prefix}A", other = $"{prefix}B";
        using var http = await fixture.SystemClientAsync();
        string[] feed =
        [
            "childKey,date,session,mark",
            Line(child, Monday, "AM", "/"),
            Line(child, Monday, "PM", "/"),
            Line(child, Monday.AddDays(1), "AM", "/"),
            Line(other, Monday, "AM", "/"),
            // The child comes back in a second run and corrects Monday morning: the later line wins.
            Line(child, Monday, "AM", "O"),
        ];

        var result = await PostAsync(http, feed);

        Assert.Equal(5, result.GetProperty("rowsReceived").GetInt64());
        Assert.Equal(4, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(2, result.GetProperty("childWeeksSummarised").GetInt32());
        Assert.Equal("O", (await MarksAsync(http, child))[(Monday, "AM")]);
        var week = Assert.Single(await fixture.OutboxEventsAsync("AttendanceWeekSummarised", child));
        Assert.Equal(3, week.GetProperty("possibleSessions").GetInt32());
        Assert.Equal(1, week.GetProperty("unauthorisedAbsences").GetInt32());
    }

    [Fact]
    public async Task A_feed_over_stored_marks_changes_only_what_differs_and_summarises_only_the_weeks_it_names()
    {
        const string prefix = "VS-OVER-";
        string known = $"{prefix}KNOWN", newcomer = $"{prefix}NEW";
        using var http = await fixture.SystemClientAsync();
        await PostAsync(http, Weeks(known, Monday, 3, "/").Prepend("childKey,date,session,mark"));

        // Week 1's Wednesday afternoon changes, week 3's Monday morning is re-sent as it was, week 2 is not named;
        // a second child arrives for the first time in the same feed.
        string[] second =
        [
            "childKey,date,session,mark",
            Line(known, Monday.AddDays(2), "PM", "N"),
            Line(known, Monday.AddDays(14), "AM", "/"),
            .. Weeks(newcomer, Monday, 1, "\\"),
        ];
        var result = await PostAsync(http, second);

        Assert.Equal(1 + 10, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(3, result.GetProperty("childWeeksSummarised").GetInt32());
        var summaries = (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", known)).Skip(3)
            .ToDictionary(s => DateOnly.Parse(s.GetProperty("weekStarting").GetString()!));
        Assert.Equal([Monday, Monday.AddDays(14)], summaries.Keys.Order());
        Assert.Equal(10, summaries[Monday].GetProperty("possibleSessions").GetInt32());
        Assert.Equal(1, summaries[Monday].GetProperty("unauthorisedAbsences").GetInt32());
        Assert.Equal(10, summaries[Monday.AddDays(14)].GetProperty("possibleSessions").GetInt32());
        Assert.Equal(0, summaries[Monday.AddDays(14)].GetProperty("unauthorisedAbsences").GetInt32());
        var newWeek = Assert.Single(await fixture.OutboxEventsAsync("AttendanceWeekSummarised", newcomer));
        Assert.Equal(10, newWeek.GetProperty("possibleSessions").GetInt32());
        Assert.Equal(30, await fixture.MarkCountAsync(known));
    }

    [Fact]
    public async Task A_week_that_a_feed_completes_is_summarised_with_the_marks_stored_before_it()
    {
        const string prefix = "VS-EDGE-";
        var child = $"{prefix}A";
        using var http = await fixture.SystemClientAsync();
        await PostAsync(http, ["childKey,date,session,mark", Line(child, Monday, "AM", "I"), Line(child, Monday, "PM", "I")]);

        // Nothing is stored from Tuesday to the next Monday, so this feed takes the plain insert; Monday's two
        // authorised absences still belong in its first week's summary.
        var rest = Enumerable.Range(1, 4).SelectMany(d => new[] { Line(child, Monday.AddDays(d), "AM", "/"), Line(child, Monday.AddDays(d), "PM", "\\") })
            .Append(Line(child, Monday.AddDays(7), "AM", "/"));
        var result = await PostAsync(http, rest.Prepend("childKey,date,session,mark"));

        Assert.Equal(9, result.GetProperty("marksChanged").GetInt64());
        var summaries = (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", child)).Skip(1)
            .ToDictionary(s => DateOnly.Parse(s.GetProperty("weekStarting").GetString()!));
        Assert.Equal(10, summaries[Monday].GetProperty("possibleSessions").GetInt32());
        Assert.Equal(2, summaries[Monday].GetProperty("authorisedAbsences").GetInt32());
        Assert.Equal(1, summaries[Monday.AddDays(7)].GetProperty("possibleSessions").GetInt32());
        Assert.Equal(2, summaries.Count);
    }

    private static async Task<Dictionary<(DateOnly, string), string>> MarksAsync(HttpClient http, string child)
    {
        var marks = await http.GetFromJsonAsync<JsonElement>($"/api/virtual-school/attendance?childKey={child}&pageSize=100");
        return marks.GetProperty("items").EnumerateArray().ToDictionary(
            m => (DateOnly.Parse(m.GetProperty("date").GetString()!), m.GetProperty("session").GetString()!),
            m => m.GetProperty("mark").GetString()!);
    }
}
