using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.LeavingCare.Tests;

/// <summary>The living skills programme (action 3.2): started once, from 15 to 17, with its event carrying the age only.</summary>
public sealed class LivingSkillsTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    // 16 on 1 June 2026.
    private const string DateOfBirth = "2010-03-10";

    [Fact]
    public async Task A_start_is_stored_once_with_its_event()
    {
        const string key = "LS-OK-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth, "Eligible");

        var created = await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = key, startedOn = "2026-06-01" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(16, body.GetProperty("ageYears").GetInt32());
        var evt = Assert.Single(await fixture.OutboxEventsAsync("LivingSkillsBookletStarted", key));
        Assert.Equal(("2026-06-01", 16, "leaving-care"),
            (evt.GetProperty("startedOn").GetString(), evt.GetProperty("ageYears").GetInt32(), evt.GetProperty("sourceAgency").GetString()));
        Assert.DoesNotContain(DateOfBirth, evt.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(created.Headers.Location)).StatusCode);

        var again = await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = key, startedOn = "2026-07-01" });
        await AssertFieldErrors(again, "ChildKey");
        Assert.Single(await fixture.OutboxEventsAsync("LivingSkillsBookletStarted", key));
    }

    [Theory]
    [InlineData("2025-01-01", "StartedOn")] // aged 14
    [InlineData("2028-06-01", "StartedOn")] // in the future
    public async Task A_start_outside_15_to_17_or_in_the_future_is_a_field_error(string startedOn, string field)
    {
        var key = $"LS-AGE-{startedOn}";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth, "Eligible");

        await AssertFieldErrors(await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = key, startedOn }), field);
        Assert.Empty(await fixture.OutboxEventsAsync("LivingSkillsBookletStarted", key));
    }

    [Fact]
    public async Task An_adult_or_an_unregistered_young_person_cannot_start_it_and_nothing_is_stored()
    {
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, "LS-INV-ADULT", "2005-01-01");

        await AssertFieldErrors(await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = "LS-INV-ADULT", startedOn = "2026-06-01" }), "StartedOn");
        await AssertFieldErrors(await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = "LS-INV-NOBODY", startedOn = "2026-06-01" }), "ChildKey");
        await AssertFieldErrors(await http.PostAsJsonAsync("/api/leaving-care/living-skills", new { childKey = "not a key!" }), "ChildKey", "StartedOn");

        Assert.Equal(0, await fixture.CountAsync("""SELECT count(*) FROM living_skills_programmes WHERE "ChildKey" LIKE @prefix""", "LS-INV-"));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM outbox_messages WHERE body->>'childKey' LIKE @prefix", "LS-INV-"));
    }

    [Fact]
    public async Task Callers_without_the_write_scope_or_a_leaving_care_token_are_refused()
    {
        const string key = "LS-AUTH-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth, "Eligible");
        var body = new { childKey = key, startedOn = "2026-06-01" };

        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/leaving-care/living-skills", body)).StatusCode);
        using var health = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await health.PostAsJsonAsync("/api/leaving-care/living-skills", body)).StatusCode);
        using var readOnly = await fixture.SystemClientAsync("leaving-care.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/leaving-care/living-skills", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/leaving-care/living-skills?childKey={key}")).StatusCode);

        Assert.Empty(await fixture.OutboxEventsAsync("LivingSkillsBookletStarted", key));
    }

    private static async Task AssertFieldErrors(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }
}
