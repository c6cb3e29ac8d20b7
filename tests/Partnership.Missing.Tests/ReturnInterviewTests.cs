using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.Missing.Tests;

[Collection(MissingCollection.Name)]
public sealed class ReturnInterviewTests(MissingFixture fixture)
{
    [Theory]
    [InlineData(71, true)]
    [InlineData(72, true)]
    [InlineData(73, false)]
    public async Task Whether_the_offer_met_the_72_hour_timescale_is_computed_and_stored(int hoursAfterReturn, bool expected)
    {
        using var http = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        var returnedAt = Requests.Now.AddDays(-5);
        var id = await http.StartAndEndAsync(child, returnedAt);

        var response = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(hoursAfterReturn)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("interview").GetProperty("offeredWithinTimescale").GetBoolean());

        Assert.Equal(expected, (await fixture.DbAsync(db => db.Interviews.SingleAsync(i => i.EpisodeId == id))).OfferedWithinTimescale);
        var evt = Assert.Single(await fixture.OutboxAsync(child), m => m.ShortType() == "ReturnInterviewRecorded");
        Assert.Equal(expected, JsonDocument.Parse(evt.Body).RootElement.GetProperty("offeredWithinTimescale").GetBoolean());
    }

    [Fact]
    public async Task An_amendment_recomputes_the_timescale_and_publishes_again()
    {
        using var police = await fixture.ClientAsync("police-system");
        using var team = await fixture.ClientAsync("missing-team-system");
        var child = Requests.NewChild();
        var returnedAt = Requests.Now.AddDays(-6);
        var id = await police.StartAndEndAsync(child, returnedAt);
        await police.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(10)));

        var amended = await team.PutAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(100)));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.False((await fixture.DbAsync(db => db.Interviews.SingleAsync(i => i.EpisodeId == id))).OfferedWithinTimescale);
        Assert.Equal(2, (await fixture.OutboxTypesAsync(child)).Count(t => t == "ReturnInterviewRecorded"));
    }

    [Fact]
    public async Task No_interview_before_the_child_returns()
    {
        using var http = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        var id = await http.StartAsync(child, Requests.Now.AddHours(-3));

        var response = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(Requests.Now.AddHours(-1)));
        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await fixture.DbAsync(db => db.Interviews.CountAsync(i => i.EpisodeId == id)));
        Assert.DoesNotContain("ReturnInterviewRecorded", await fixture.OutboxTypesAsync(child));
    }

    [Fact]
    public async Task An_interview_is_recorded_once_and_an_offer_cannot_precede_the_return()
    {
        using var http = await fixture.ClientAsync("missing-team-system");
        var returnedAt = Requests.Now.AddDays(-1);
        var id = await http.StartAndEndAsync(Requests.NewChild(), returnedAt);

        var early = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(-1)));
        Assert.True((await early.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("OfferedAt", out _));

        Assert.Equal(HttpStatusCode.Created,
            (await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(1)))).StatusCode);
        await (await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(2))))
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_declined_interview_cannot_have_a_completion_date()
    {
        using var http = await fixture.ClientAsync("police-system");
        var returnedAt = Requests.Now.AddDays(-1);
        var id = await http.StartAndEndAsync(Requests.NewChild(), returnedAt);

        var response = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", new
        {
            offeredAt = returnedAt.AddHours(3),
            accepted = false,
            completedOn = DateOnly.FromDateTime(returnedAt.UtcDateTime),
            concern = "Trafficking",
        });
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("CompletedOn", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Concern", out _), errors.ToString());
        Assert.Equal(0, await fixture.DbAsync(db => db.Interviews.CountAsync(i => i.EpisodeId == id)));
    }

    [Fact]
    public async Task A_closed_interview_record_cannot_be_amended()
    {
        using var team = await fixture.ClientAsync("missing-team-system");
        var returnedAt = Requests.Now.AddDays(-2);
        var id = await team.StartAndEndAsync(Requests.NewChild(), returnedAt);
        await team.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(5)));
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/missing/episodes/{id}/return-interview/close", null)).StatusCode);

        await (await team.PutAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(9))))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await team.PostAsync($"/api/missing/episodes/{id}/return-interview/close", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(returnedAt.AddHours(5), (await fixture.DbAsync(db => db.Interviews.SingleAsync(i => i.EpisodeId == id))).OfferedAt);
    }

    [Fact]
    public async Task An_exploitation_referral_needs_an_interview_that_recorded_a_concern()
    {
        using var police = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        var returnedAt = Requests.Now.AddDays(-3);
        var id = await police.StartAndEndAsync(child, returnedAt);
        var referral = new { concern = "CriminalExploitation", raisedOn = DateOnly.FromDateTime(Requests.Now.UtcDateTime) };

        await (await police.PostAsJsonAsync($"/api/missing/episodes/{id}/exploitation-referrals", referral)).ProblemAsync(HttpStatusCode.Conflict);
        await police.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(5), "CriminalExploitation"));

        var raised = await police.PostAsJsonAsync($"/api/missing/episodes/{id}/exploitation-referrals", referral);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(1, await fixture.DbAsync(db => db.Referrals.CountAsync(r => r.EpisodeId == id)));
        Assert.Equal("ExploitationReferralRaised", (await fixture.OutboxTypesAsync(child)).Last());
    }

    [Fact]
    public async Task Returns_more_than_72_hours_ago_without_an_interview_are_listed_as_overdue()
    {
        using var http = await fixture.ClientAsync("missing-team-system");
        var overdue = await http.StartAndEndAsync(Requests.NewChild(), Requests.Now.AddHours(-80));
        var recent = await http.StartAndEndAsync(Requests.NewChild(), Requests.Now.AddHours(-20));
        var interviewed = await http.StartAndEndAsync(Requests.NewChild(), Requests.Now.AddHours(-90));
        await http.PostAsJsonAsync($"/api/missing/episodes/{interviewed}/return-interview", Requests.Interview(Requests.Now.AddHours(-85)));

        var list = await http.GetFromJsonAsync<JsonElement>("/api/missing/episodes/overdue-interviews?pageSize=500");
        var ids = list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(overdue, ids);
        Assert.DoesNotContain(recent, ids);
        Assert.DoesNotContain(interviewed, ids);
        Assert.Equal(500, list.GetProperty("pageSize").GetInt32());
    }
}
