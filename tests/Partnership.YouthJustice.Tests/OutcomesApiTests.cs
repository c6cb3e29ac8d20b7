using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.YouthJustice.Tests;

public sealed class OutcomesApiTests(YouthJusticeFixture fixture) : IClassFixture<YouthJusticeFixture>
{
    private static string NewChild() => $"YJ-{Guid.NewGuid():N}"[..20];

    private static object Body(string childKey, string outcome = "YouthCaution", int age = 14, bool? firstTimeEntrant = null) => new
    {
        childKey,
        offenceDate = "2026-06-01",
        outcomeDate = "2026-07-15",
        outcome,
        ageAtOffence = age,
        firstTimeEntrant,
    };

    private Task<int> StoredCount(string childKey) => fixture.DbAsync(db => db.Outcomes.CountAsync(o => o.ChildKey == childKey));

    [Fact]
    public async Task Without_a_token_or_with_another_apis_token_the_call_is_refused_with_401()
    {
        var child = NewChild();
        foreach (var client in new[] { null, "health-system", "missing-team-system" })
        {
            using var http = await fixture.ClientAsync(client);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child))).StatusCode);
        }
        Assert.Equal(0, await StoredCount(child));
    }

    [Fact]
    public async Task Police_may_record_but_not_read_and_a_read_only_token_may_not_record()
    {
        var child = NewChild();
        using var police = await fixture.ClientAsync("police-system");
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/youth-justice/outcomes")).StatusCode);

        using var readOnly = await fixture.ClientAsync("youth-offending-system", "youth-justice.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child))).StatusCode);
        Assert.Equal(1, await StoredCount(child));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(18)]
    public async Task An_age_outside_10_to_17_is_a_field_error_and_nothing_is_stored(int age)
    {
        var child = NewChild();
        using var http = await fixture.ClientAsync("youth-offending-system");
        var response = await http.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child, age: age));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("AgeAtOffence", out _), errors.ToString());
        Assert.Equal(0, await StoredCount(child));
        Assert.Empty(await fixture.OutboxAsync(child));
    }

    [Fact]
    public async Task Bad_fields_are_each_reported()
    {
        using var http = await fixture.ClientAsync("youth-offending-system");
        var response = await http.PostAsJsonAsync("/api/youth-justice/outcomes", new
        {
            childKey = "AB 12 34 56 C",
            offenceDate = "2026-08-01",
            outcomeDate = "2026-07-01",
            outcome = "Reprimand",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "ChildKey", "OutcomeDate", "Outcome", "AgeAtOffence" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task No_further_action_cannot_make_a_first_time_entrant()
    {
        var child = NewChild();
        using var http = await fixture.ClientAsync("youth-offending-system");
        var response = await http.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child, "NoFurtherAction", firstTimeEntrant: true));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("FirstTimeEntrant", out _));
        Assert.Equal(0, await StoredCount(child));
    }

    [Fact]
    public async Task A_valid_outcome_is_stored_with_its_event_and_listed_only_for_the_recording_agency()
    {
        var child = NewChild();
        using var yot = await fixture.ClientAsync("youth-offending-system");
        var created = await yot.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child, "Conviction", age: 15, firstTimeEntrant: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var message = Assert.Single(await fixture.OutboxAsync(child));
        Assert.Equal("OffenceOutcomeRecorded", message.ShortType());
        var evt = JsonDocument.Parse(message.Body).RootElement;
        Assert.Equal("Conviction", evt.GetProperty("outcome").GetString());
        Assert.Equal(15, evt.GetProperty("ageAtOffence").GetInt32());
        Assert.Equal("youth-offending", evt.GetProperty("sourceAgency").GetString());

        using var police = await fixture.ClientAsync("police-system");
        await police.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child, "YouthCaution"));

        var list = await yot.GetFromJsonAsync<JsonElement>("/api/youth-justice/outcomes?pageSize=500");
        var mine = list.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("childKey").GetString() == child).ToList();
        Assert.Single(mine);
        Assert.All(list.GetProperty("items").EnumerateArray(), o => Assert.Equal("youth-offending", o.GetProperty("recordedByAgency").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await yot.GetAsync(created.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task When_not_told_the_service_derives_first_time_entry_from_earlier_formal_disposals()
    {
        var child = NewChild();
        using var http = await fixture.ClientAsync("youth-offending-system");
        async Task<bool> Record(string outcome)
        {
            var response = await http.PostAsJsonAsync("/api/youth-justice/outcomes", Body(child, outcome));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("firstTimeEntrant").GetBoolean();
        }

        Assert.False(await Record("RestorativeOrDiversion"));
        Assert.True(await Record("YouthCaution"));
        Assert.False(await Record("Conviction"));
    }
}
