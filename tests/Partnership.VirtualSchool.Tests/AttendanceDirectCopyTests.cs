using System.Net.Http.Json;
using System.Text.Json;
using Partnership.VirtualSchool.Attendance;
using static Partnership.VirtualSchool.Tests.BulkFeed;

namespace Partnership.VirtualSchool.Tests;

/// <summary>
/// A feed is first copied straight into the marks table and, when a session is stored already or repeats, replayed
/// through the staged merge instead; a feed not grouped by child also takes the merge. Whichever way a feed goes, what
/// is stored, counted and summarised must be the same.
/// </summary>
public sealed class AttendanceDirectCopyTests(VirtualSchoolFixture fixture) : IClassFixture<VirtualSchoolFixture>
{
    private static readonly DateOnly Monday = KnownFeed.FirstMonday;

    [Fact]
    public async Task A_first_load_beside_stored_marks_on_other_sessions_summarises_only_the_weeks_it_names()
    {
        const string prefix = "VS-BESIDE-";
        string known = $"{prefix}KNOWN", newcomer = $"{prefix}NEW";
        using var http = await fixture.SystemClientAsync();
        await PostAsync(http, [Header, Line(known, Monday, "AM", "/"), Line(known, Monday.AddDays(9), "AM", "I")]);

        // No session clashes with the stored two, so nothing stops the copy; week 2 lies inside the known child's
        // dates but the feed names none of it, so its summary must not be sent again.
        var feed = Weeks(newcomer, Monday, 3, "/")
            .Concat(Weeks(known, Monday, 1, "\\").Skip(1))
            .Concat(Weeks(known, Monday.AddDays(14), 1, "/"));
        var result = await PostAsync(http, feed.Prepend(Header));

        Assert.Equal(30 + 9 + 10, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(3 + 2, result.GetProperty("childWeeksSummarised").GetInt32());
        var summaries = (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", known)).Skip(2)
            .ToDictionary(s => DateOnly.Parse(s.GetProperty("weekStarting").GetString()!));
        Assert.Equal([Monday, Monday.AddDays(14)], summaries.Keys.Order());
        Assert.Equal(10, summaries[Monday].GetProperty("possibleSessions").GetInt32());
        Assert.Equal(3, (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", newcomer)).Count);
        Assert.Equal(2 + 19, await fixture.MarkCountAsync(known));
    }

    [Fact]
    public async Task A_clash_late_in_a_feed_sends_the_whole_feed_through_the_merge()
    {
        const string prefix = "VS-LATE-";
        var late = $"{prefix}Z";
        using var http = await fixture.SystemClientAsync();
        await PostAsync(http, Weeks(late, Monday, 1, "/").Prepend(Header));

        // Twenty children new to the table come first; the last child changes one stored mark and adds a week.
        var feed = Enumerable.Range(1, 20).SelectMany(c => Weeks($"{prefix}{c:D2}", Monday, 2, "/"))
            .Append(Line(late, Monday.AddDays(2), "PM", "O"))
            .Concat(Weeks(late, Monday.AddDays(7), 1, "/"));
        var result = await PostAsync(http, feed.Prepend(Header));

        Assert.Equal(400 + 1 + 10, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(40 + 2, result.GetProperty("childWeeksSummarised").GetInt32());
        Assert.Equal(420, await fixture.MarkCountAsync(prefix));
        var lateWeek = (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", late))
            .Last(s => s.GetProperty("weekStarting").GetString() == $"{Monday:yyyy-MM-dd}");
        Assert.Equal(1, lateWeek.GetProperty("unauthorisedAbsences").GetInt32());
    }

    [Fact]
    public async Task A_feed_not_grouped_by_child_is_stored_and_summarised_in_full()
    {
        const string prefix = "VS-SHUFFLED-";
        const int children = 6;
        var start = new DateOnly(2010, 1, 4); // a Monday
        // Each line names a different child from the line before, so there are more stretches than the copy keeps.
        var weeks = (AttendanceDirectCopy.MaxStretches / (children * 2) / 7) + 1;
        var lines = from day in Enumerable.Range(0, weeks * 7)
                    from session in new[] { "AM", "PM" }
                    from child in Enumerable.Range(1, children)
                    select Line($"{prefix}{child}", start.AddDays(day), session, "/");
        Assert.True(weeks * 7 * 2 * children > AttendanceDirectCopy.MaxStretches);
        using var http = await fixture.SystemClientAsync();

        var result = await PostAsync(http, lines.Prepend(Header));

        Assert.Equal(weeks * 7 * 2 * children, result.GetProperty("marksChanged").GetInt64());
        Assert.Equal(weeks * children, result.GetProperty("childWeeksSummarised").GetInt32());
        Assert.Equal(weeks * 7 * 2 * children, await fixture.MarkCountAsync(prefix));
    }

    [Fact]
    public async Task Two_overlapping_feeds_sent_at_once_both_succeed_and_the_last_summary_of_each_week_matches_the_marks()
    {
        const string prefix = "VS-ONCE-";
        var keys = Enumerable.Range(1, 50).Select(c => $"{prefix}{c:D2}").ToList();
        using var http = await fixture.SystemClientAsync();

        // Week 2 is in both feeds, present in one and truant in the other; the feed committed last must win it whole.
        var present = keys.SelectMany(k => Weeks(k, Monday, 2, "/")).Prepend(Header);
        var truant = keys.SelectMany(k => Weeks(k, Monday.AddDays(7), 2, "O")).Prepend(Header);
        await Task.WhenAll(PostAsync(http, present), PostAsync(http, truant));

        Assert.Equal(50 * 30, await fixture.MarkCountAsync(prefix));
        var weekTwo = await fixture.ScalarAsync(
            $"SELECT count(DISTINCT mark) FROM attendance_marks WHERE child_key LIKE @prefix AND date BETWEEN '{Monday.AddDays(7):yyyy-MM-dd}' AND '{Monday.AddDays(11):yyyy-MM-dd}'",
            prefix);
        Assert.Equal(1, weekTwo);
        var truantInWeekTwo = await fixture.ScalarAsync(
            $"SELECT count(*) FROM attendance_marks WHERE child_key LIKE @prefix AND mark = 'O' AND date < '{Monday.AddDays(14):yyyy-MM-dd}'", prefix);
        foreach (var key in keys)
        {
            var lastOfWeekTwo = (await fixture.OutboxEventsAsync("AttendanceWeekSummarised", key))
                .Last(s => s.GetProperty("weekStarting").GetString() == $"{Monday.AddDays(7):yyyy-MM-dd}");
            Assert.Equal(truantInWeekTwo == 0 ? 0 : 10, lastOfWeekTwo.GetProperty("unauthorisedAbsences").GetInt32());
        }
    }

    [Fact]
    public async Task Marks_for_every_session_of_a_week_sent_at_once_leave_a_last_summary_that_counts_them_all()
    {
        const string prefix = "VS-BUCKET-";
        var children = Enumerable.Range(1, 4).Select(c => $"{prefix}{c}").ToList();
        using var http = await fixture.SystemClientAsync();

        // Ten single-mark feeds per child, all first loads of different sessions, so all are copied straight in and run
        // side by side; only the summary lock of each child's bucket orders their weeks' counts.
        var calls = children.SelectMany(child => Enumerable.Range(0, 5).SelectMany(day => new[] { "AM", "PM" }.Select(session =>
            http.PutAsJsonAsync($"/api/virtual-school/attendance/{child}/{Monday.AddDays(day):yyyy-MM-dd}/{session}", new { mark = "/" }))));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));

        foreach (var child in children)
        {
            var summaries = await fixture.OutboxEventsAsync("AttendanceWeekSummarised", child);
            Assert.Equal(10, summaries.Count);
            // Outbox rows are written under the bucket lock, so the last one is the last count made.
            Assert.Equal(10, summaries[^1].GetProperty("possibleSessions").GetInt32());
        }
    }
}
