using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

/// <summary>Adoption milestones recorded by social care: each publishes AdoptionMilestoneReached with the date care began.</summary>
[Collection(CareRegisterCollection.Name)]
public sealed class AdoptionMilestonesApiTests(CareRegisterFixture fixture)
{
    private static string Path(string key) => $"/api/care-register/children/{key}/adoption-milestones";

    private static async Task<string> ChildInCareAsync(HttpClient http, string since = "2025-01-10")
    {
        var key = await TestChildren.CreateAsync(http);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/enter-care",
            new { enteredCareOn = since, legalStatus = "C2", placementType = "U4" })).BodyAsync(HttpStatusCode.OK);
        return key;
    }

    [Fact]
    public async Task Milestones_publish_their_event_with_the_start_of_the_period_of_care_and_a_second_record_corrects_the_date()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await ChildInCareAsync(http);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/placement-changes",
            new { changedOn = "2025-03-01", placementType = "U6" })).BodyAsync(HttpStatusCode.OK);

        await (await http.PostAsJsonAsync(Path(key), new { milestone = "BestInterestDecision", on = "2025-04-01" })).BodyAsync(HttpStatusCode.OK);
        await (await http.PostAsJsonAsync(Path(key), new { milestone = "placementOrder", on = "2025-07-15" })).BodyAsync(HttpStatusCode.OK);
        var corrected = await (await http.PostAsJsonAsync(Path(key), new { milestone = "BestInterestDecision", on = "2025-04-03" })).BodyAsync(HttpStatusCode.OK);

        var milestones = corrected.GetProperty("adoptionMilestones").EnumerateArray()
            .Select(m => (m.GetProperty("milestone").GetString(), m.GetProperty("on").GetString(), m.GetProperty("enteredCareOn").GetString()))
            .ToList();
        Assert.Equal([("BestInterestDecision", "2025-04-03", "2025-01-10"), ("PlacementOrder", "2025-07-15", "2025-01-10")], milestones);

        var events = (await fixture.OutboxAsync(key)).Where(m => m.ShortType() == "AdoptionMilestoneReached")
            .Select(m => JsonDocument.Parse(m.Body).RootElement).ToList();
        Assert.Equal(
            [("BestInterestDecision", "2025-04-01"), ("PlacementOrder", "2025-07-15"), ("BestInterestDecision", "2025-04-03")],
            events.Select(e => (e.GetProperty("milestone").GetString(), e.GetProperty("on").GetString())));
        Assert.All(events, e => Assert.Equal("2025-01-10", e.GetProperty("enteredCareOn").GetString()));
        Assert.All(events, e => Assert.Equal(Agencies.SocialCare, e.GetProperty("sourceAgency").GetString()));
    }

    [Fact]
    public async Task The_adoption_order_can_be_recorded_on_the_day_care_ended()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await ChildInCareAsync(http, "2024-05-01");
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/cease-care", new { ceasedOn = "2026-01-10", reasonCode = "E11" }))
            .BodyAsync(HttpStatusCode.OK);

        var body = await (await http.PostAsJsonAsync(Path(key), new { milestone = "Adopted", on = "2026-01-10" })).BodyAsync(HttpStatusCode.OK);

        Assert.Equal("2024-05-01", body.GetProperty("adoptionMilestones")[0].GetProperty("enteredCareOn").GetString());
    }

    [Fact]
    public async Task A_date_outside_any_period_of_care_is_a_conflict_and_publishes_nothing()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await ChildInCareAsync(http);
        var before = await fixture.OutboxAsync(key);

        var response = await http.PostAsJsonAsync(Path(key), new { milestone = "MatchApproved", on = "2024-12-01" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before.Count, (await fixture.OutboxAsync(key)).Count);
        Assert.Equal(0, await fixture.DbAsync(db => db.AdoptionMilestones.CountAsync(m => db.Children.Any(c => c.Id == m.ChildId && c.ChildKey == key))));
    }

    [Fact]
    public async Task Invalid_input_gets_field_errors_and_an_unknown_child_is_not_found()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await ChildInCareAsync(http);

        await (await http.PostAsJsonAsync(Path(key), new { milestone = "Fostered", on = "2099-01-01" })).FieldErrorsAsync("Milestone", "On");
        await (await http.PostAsJsonAsync(Path(key), new { milestone = "5", on = "2025-03-01" })).FieldErrorsAsync("Milestone");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync(Path("C-NOSUCHCHILD0000"), new { milestone = "Adopted", on = "2025-03-01" })).StatusCode);
        Assert.DoesNotContain(await fixture.OutboxAsync(key), m => m.ShortType() == "AdoptionMilestoneReached");
    }

    [Fact]
    public async Task Only_social_care_with_the_write_scope_may_record_milestones()
    {
        using var socialCare = await fixture.ClientAsync("social-care-system");
        var key = await ChildInCareAsync(socialCare);
        var body = new { milestone = "BestInterestDecision", on = "2025-03-01" };

        using var readOnly = await fixture.ClientAsync("social-care-system", "care-register.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync(Path(key), body)).StatusCode);

        // A client that holds the register's write scope but acts for another agency.
        await fixture.Identity.RegisterClientAsync("leaving-care-with-register-write", Agencies.LeavingCare, "care-register.write");
        using var otherAgency = await fixture.ClientAsync("leaving-care-with-register-write");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgency.PostAsJsonAsync(Path(key), body)).StatusCode);

        using var health = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync(Path(key), body)).StatusCode);

        Assert.DoesNotContain(await fixture.OutboxAsync(key), m => m.ShortType() == "AdoptionMilestoneReached");
    }
}
