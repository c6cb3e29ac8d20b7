using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Partnership.Missing.Tests;

[Collection(MissingCollection.Name)]
public sealed class EpisodeLifecycleTests(MissingFixture fixture)
{
    [Fact]
    public async Task Invalid_input_gets_field_errors_and_nothing_is_stored_or_published()
    {
        using var http = await fixture.ClientAsync("police-system");
        var response = await http.PostAsJsonAsync("/api/missing/episodes", new
        {
            childKey = "Jane Smith",
            type = "Runaway",
            risk = "2",
            startedAt = Requests.Now.AddDays(3),
        });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "ChildKey", "Type", "Risk", "StartedAt", "ReportedBy" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.ChildKey == "Jane Smith")));
        Assert.Empty(await fixture.OutboxAsync("Jane Smith"));
    }

    [Fact]
    public async Task Starting_and_ending_an_episode_stores_it_and_stages_both_events()
    {
        using var http = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        var id = await http.StartAsync(child, Requests.Now.AddHours(-30));

        var open = await http.GetFromJsonAsync<JsonElement>("/api/missing/episodes/open?pageSize=500");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

        var ended = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/end", Requests.End(Requests.Now.AddHours(-2)));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var body = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Returned", body.GetProperty("status").GetString());
        Assert.Equal(Requests.Now.AddHours(70), body.GetProperty("interviewDueBy").GetDateTimeOffset());

        Assert.Equal(["MissingEpisodeStarted", "MissingEpisodeEnded"], await fixture.OutboxTypesAsync(child));
        var stored = await fixture.DbAsync(db => db.Episodes.SingleAsync(e => e.Id == id));
        Assert.Equal("police", stored.StartedByAgency);
        Assert.Equal(Requests.Now.AddHours(-2), stored.EndedAt);

        var stillOpen = await http.GetFromJsonAsync<JsonElement>("/api/missing/episodes/open?pageSize=500");
        Assert.DoesNotContain(stillOpen.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_episode_cannot_end_twice()
    {
        using var http = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        var id = await http.StartAndEndAsync(child, Requests.Now.AddHours(-5));

        var again = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/end", Requests.End(Requests.Now.AddHours(-1)));
        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already ended", problem.GetProperty("detail").GetString());
        Assert.Equal(Requests.Now.AddHours(-5), (await fixture.DbAsync(db => db.Episodes.SingleAsync(e => e.Id == id))).EndedAt);
        Assert.Single(await fixture.OutboxTypesAsync(child), "MissingEpisodeEnded");
    }

    [Fact]
    public async Task An_episode_cannot_end_before_it_started()
    {
        using var http = await fixture.ClientAsync("missing-team-system");
        var child = Requests.NewChild();
        var id = await http.StartAsync(child, Requests.Now.AddHours(-5));

        var response = await http.PostAsJsonAsync($"/api/missing/episodes/{id}/end", Requests.End(Requests.Now.AddHours(-6)));
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("EndedAt", out _), errors.ToString());
        Assert.Null((await fixture.DbAsync(db => db.Episodes.SingleAsync(e => e.Id == id))).EndedAt);
        Assert.Equal(["MissingEpisodeStarted"], await fixture.OutboxTypesAsync(child));
    }

    [Fact]
    public async Task A_child_cannot_have_two_open_episodes()
    {
        using var http = await fixture.ClientAsync("police-system");
        var child = Requests.NewChild();
        await http.StartAsync(child, Requests.Now.AddHours(-5));

        var second = await http.PostAsJsonAsync("/api/missing/episodes", Requests.Start(child, Requests.Now.AddHours(-1)));
        await second.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.ChildKey == child)));
    }

    [Fact]
    public async Task An_unknown_episode_is_404()
    {
        using var http = await fixture.ClientAsync("police-system");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/missing/episodes/{Guid.NewGuid()}/end", Requests.End(Requests.Now))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/missing/episodes/{Guid.NewGuid()}")).StatusCode);
    }
}
