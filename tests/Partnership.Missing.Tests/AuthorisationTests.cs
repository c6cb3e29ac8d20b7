using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Partnership.Missing.Tests;

[Collection(MissingCollection.Name)]
public sealed class AuthorisationTests(MissingFixture fixture)
{
    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401()
    {
        using var http = await fixture.ClientAsync(null);
        var child = Requests.NewChild();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/missing/episodes", Requests.Start(child))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/missing/episodes/open")).StatusCode);
        Assert.Empty(await fixture.OutboxTypesAsync(child));
    }

    [Theory]
    [InlineData("health-system")]
    [InlineData("youth-offending-system")]
    public async Task A_token_for_another_agencys_api_is_refused_with_401(string client)
    {
        using var http = await fixture.ClientAsync(client);
        var child = Requests.NewChild();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/missing/episodes", Requests.Start(child))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/missing/episodes/overdue-interviews")).StatusCode);
        Assert.Equal(0, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.ChildKey == child)));
    }

    [Fact]
    public async Task A_read_only_token_cannot_write()
    {
        using var http = await fixture.ClientAsync("missing-team-system", "missing.read");
        var child = Requests.NewChild();
        await (await http.PostAsJsonAsync("/api/missing/episodes", Requests.Start(child))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/missing/episodes/open")).StatusCode);
        Assert.Equal(0, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.ChildKey == child)));
    }

    [Fact]
    public async Task Police_record_an_interview_but_only_the_missing_team_may_amend_or_close_it()
    {
        using var police = await fixture.ClientAsync("police-system");
        using var team = await fixture.ClientAsync("missing-team-system");
        var returnedAt = Requests.Now.AddDays(-2);
        var id = await police.StartAndEndAsync(Requests.NewChild(), returnedAt);
        Assert.Equal(HttpStatusCode.Created,
            (await police.PostAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(20)))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await police.PutAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(30), "SexualExploitation"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsync($"/api/missing/episodes/{id}/return-interview/close", null)).StatusCode);
        var untouched = await fixture.DbAsync(db => db.Interviews.SingleAsync(i => i.EpisodeId == id));
        Assert.Equal(returnedAt.AddHours(20), untouched.OfferedAt);
        Assert.Null(untouched.ClosedAt);

        Assert.Equal(HttpStatusCode.OK,
            (await team.PutAsJsonAsync($"/api/missing/episodes/{id}/return-interview", Requests.Interview(returnedAt.AddHours(30), "SexualExploitation"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/missing/episodes/{id}/return-interview/close", null)).StatusCode);
        var amended = await fixture.DbAsync(db => db.Interviews.SingleAsync(i => i.EpisodeId == id));
        Assert.Equal(returnedAt.AddHours(30), amended.OfferedAt);
        Assert.NotNull(amended.ClosedAt);
    }
}
