using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

[Collection(CareRegisterCollection.Name)]
public sealed class ChildrenApiTests(CareRegisterFixture fixture)
{
    [Fact]
    public async Task A_child_is_created_with_an_opaque_key_and_its_care_changes_publish_events_with_that_key_only()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var nhs = TestChildren.NewNhsNumber();
        var upn = TestChildren.NewUpn();
        var key = await TestChildren.CreateAsync(http, nhs, upn);
        Assert.Matches("^C-[A-Z0-9]{16}$", key);
        Assert.DoesNotContain(nhs, key);

        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/enter-care",
            new { enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", placementProvider = "PR1", withinTwentyMiles = true }))
            .BodyAsync(HttpStatusCode.OK);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/placement-changes",
            new { changedOn = "2025-06-10", placementType = "K2", placementProvider = "PR4", reason = "CARPL" })).BodyAsync(HttpStatusCode.OK);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/legal-status-changes",
            new { changedOn = "2025-09-01", legalStatus = "C1" })).BodyAsync(HttpStatusCode.OK);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/reviews",
            new { heldOn = "2025-02-25", participationCode = "PN1" })).BodyAsync(HttpStatusCode.OK);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/cease-care",
            new { ceasedOn = "2026-03-01", reasonCode = "E13" })).BodyAsync(HttpStatusCode.OK);
        var record = await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/care-leaver",
            new { on = "2026-03-01", category = "Relevant" })).BodyAsync(HttpStatusCode.OK);

        var episodes = record.GetProperty("episodes");
        Assert.Equal(3, episodes.GetArrayLength());
        Assert.Equal("X1", episodes[0].GetProperty("reasonCeased").GetString());
        Assert.Equal("P", episodes[1].GetProperty("reasonNewEpisode").GetString());
        Assert.Equal("L", episodes[2].GetProperty("reasonNewEpisode").GetString());
        Assert.Equal("E13", episodes[2].GetProperty("reasonCeased").GetString());
        Assert.False(record.GetProperty("inCare").GetBoolean());
        Assert.Equal("Relevant", record.GetProperty("careLeaverCategory").GetString());

        var outbox = await fixture.OutboxAsync(key);
        Assert.Equal(
            ["ChildEnteredCare", "PlacementChanged", "LegalStatusChanged", "ChildInCareReviewHeld", "CeasedCare", "BecameCareLeaver"],
            outbox.Select(m => m.ShortType()));
        var entered = JsonDocument.Parse(outbox[0].Body).RootElement;
        Assert.Equal(10, entered.GetProperty("ageYears").GetInt32());
        Assert.Equal("social-care", entered.GetProperty("sourceAgency").GetString());
        // The first review of a period of care falls due 20 working days after entering care.
        Assert.Equal("2025-03-03", JsonDocument.Parse(outbox[3].Body).RootElement.GetProperty("dueOn").GetString());
        foreach (var message in outbox)
        {
            Assert.DoesNotContain(nhs, message.Body);
            Assert.DoesNotContain(upn, message.Body);
            Assert.DoesNotContain("Testy", message.Body);
            Assert.DoesNotContain("2014-05-17", message.Body);
        }
    }

    [Fact]
    public async Task A_change_that_does_not_fit_the_childs_status_is_a_conflict_and_publishes_nothing()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await TestChildren.CreateAsync(http);
        var response = await http.PostAsJsonAsync($"/api/care-register/children/{key}/placement-changes", new { changedOn = "2025-06-10", placementType = "K2" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await fixture.OutboxAsync(key));
    }

    [Fact]
    public async Task Invalid_input_gets_field_errors_and_nothing_is_stored()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var before = await fixture.DbAsync(db => db.Children.CountAsync());
        var response = await http.PostAsJsonAsync("/api/care-register/children", new
        {
            givenName = "",
            familyName = "X",
            dateOfBirth = "2099-01-01",
            sex = 7,
            ethnicity = "MARTIAN",
            nhsNumber = "9434765918",
            upn = "not-a-upn",
        });
        await response.FieldErrorsAsync("GivenName", "DateOfBirth", "Sex", "Ethnicity", "NhsNumber", "Upn");
        Assert.Equal(before, await fixture.DbAsync(db => db.Children.CountAsync()));

        var key = await TestChildren.CreateAsync(http);
        var badCare = await http.PostAsJsonAsync($"/api/care-register/children/{key}/enter-care",
            new { enteredCareOn = "2025-02-03", legalStatus = "Q9", placementType = "ZZ", placementProvider = "PR9" });
        await badCare.FieldErrorsAsync("LegalStatus", "PlacementType", "PlacementProvider");
        Assert.Empty(await fixture.OutboxAsync(key));
    }

    [Fact]
    public async Task Callers_without_a_token_or_the_write_scope_are_refused()
    {
        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/care-register/children", TestChildren.Body())).StatusCode);

        // The board's token is for the board API only: wrong audience.
        using var board = await fixture.ClientAsync("board-reporting");
        Assert.Equal(HttpStatusCode.Unauthorized, (await board.GetAsync("/api/care-register/children")).StatusCode);

        // Health holds child.resolve (so its token is for this API) but may neither read nor write the register.
        using var health = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync("/api/care-register/children", TestChildren.Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await health.GetAsync("/api/care-register/children")).StatusCode);

        using var readOnly = await fixture.ClientAsync("social-care-system", "care-register.read");
        var before = await fixture.DbAsync(db => db.Children.CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/care-register/children", TestChildren.Body())).StatusCode);
        Assert.Equal(before, await fixture.DbAsync(db => db.Children.CountAsync()));
    }
}
