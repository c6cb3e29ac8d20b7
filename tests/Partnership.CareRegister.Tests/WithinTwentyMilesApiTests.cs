using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.CareRegister.Tests;

/// <summary>Live placements: the register derives within-20-miles from the postcodes and publishes the flag only.</summary>
[Collection(CareRegisterCollection.Name)]
public sealed class WithinTwentyMilesApiTests(CareRegisterFixture fixture)
{
    [Fact]
    public async Task The_flag_is_derived_from_the_postcodes_and_the_home_is_kept_through_a_move()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await TestChildren.CreateAsync(http);

        // Radford to Mansfield, about 13 miles; then to Lincoln, over 30.
        await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/enter-care", new
        {
            enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", placementProvider = "PR1", homePostcode = "ng7 3ab", placementPostcode = "NG18 2CD",
        })).BodyAsync(HttpStatusCode.OK);
        var moved = await (await http.PostAsJsonAsync($"/api/care-register/children/{key}/placement-changes", new
        {
            changedOn = "2025-06-10", placementType = "K2", placementProvider = "PR4", reason = "CARPL", placementPostcode = "LN1 4EF",
        })).BodyAsync(HttpStatusCode.OK);

        var episodes = moved.GetProperty("episodes");
        Assert.Equal(("NG7 3AB", "NG18 2CD", true), Site(episodes[0]));
        Assert.Equal(("NG7 3AB", "LN1 4EF", false), Site(episodes[1]));

        var outbox = await fixture.OutboxAsync(key);
        Assert.Equal([true, false], outbox.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("withinTwentyMiles").GetBoolean()));
        Assert.All(outbox, m => Assert.DoesNotContain("NG7", m.Body));
        Assert.All(outbox, m => Assert.DoesNotContain("LN1", m.Body));
    }

    [Fact]
    public async Task A_stated_flag_wins_and_an_unplaceable_postcode_leaves_it_unknown()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var stated = await TestChildren.CreateAsync(http);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{stated}/enter-care", new
        {
            enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", withinTwentyMiles = false, homePostcode = "NG7 3AB", placementPostcode = "NG8 1AA",
        })).BodyAsync(HttpStatusCode.OK);
        var unknown = await TestChildren.CreateAsync(http);
        await (await http.PostAsJsonAsync($"/api/care-register/children/{unknown}/enter-care", new
        {
            enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", homePostcode = "NG7 3AB", placementPostcode = "ZZ9 9ZZ",
        })).BodyAsync(HttpStatusCode.OK);

        Assert.False(Flag(Assert.Single(await fixture.OutboxAsync(stated)).Body));
        Assert.Null(Flag(Assert.Single(await fixture.OutboxAsync(unknown)).Body));
    }

    [Fact]
    public async Task A_malformed_postcode_is_a_field_error_and_nothing_is_stored()
    {
        using var http = await fixture.ClientAsync("social-care-system");
        var key = await TestChildren.CreateAsync(http);
        var response = await http.PostAsJsonAsync($"/api/care-register/children/{key}/enter-care", new
        {
            enteredCareOn = "2025-02-03", legalStatus = "C2", placementType = "U4", homePostcode = "12345", placementPostcode = "NOT A POSTCODE",
        });
        await response.FieldErrorsAsync("HomePostcode", "PlacementPostcode");
        Assert.Empty(await fixture.OutboxAsync(key));
        Assert.Equal(0, await fixture.DbAsync(db => db.Episodes.CountAsync(e => db.Children.Any(c => c.Id == e.ChildId && c.ChildKey == key))));
    }

    private static (string?, string?, bool?) Site(JsonElement episode) => (
        episode.GetProperty("homePostcode").GetString(),
        episode.GetProperty("placementPostcode").GetString(),
        episode.GetProperty("withinTwentyMiles").ValueKind == JsonValueKind.Null ? null : episode.GetProperty("withinTwentyMiles").GetBoolean());

    private static bool? Flag(string body)
    {
        return JsonDocument.Parse(body).RootElement.TryGetProperty("withinTwentyMiles", out var flag) && flag.ValueKind != JsonValueKind.Null
            ? flag.GetBoolean()
            : null;
    }
}
