using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Partnership.Testing;

namespace Partnership.Health.Tests;

[Collection(HealthCollection.Name)]
public sealed class CamhsReferralTests(HealthFixture fixture)
{
    private static async Task<Guid> ReferAsync(HttpClient http, string childKey, string referredOn = "2026-08-01")
    {
        var body = await (await http.PostAsJsonAsync("/api/health/camhs-referrals", new { childKey, referredOn })).BodyAsync(HttpStatusCode.Created);
        Assert.Equal("Referred", body.GetProperty("stage").GetString());
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_referral_progresses_through_offer_and_completion_with_an_event_for_each_stage()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        var id = await ReferAsync(http, child);

        await (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-offered", new { on = "2026-08-10" })).BodyAsync(HttpStatusCode.OK);
        var done = await (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-completed", new { on = "2026-09-10" })).BodyAsync(HttpStatusCode.OK);
        Assert.Equal("OutcomeMeasureCompleted", done.GetProperty("stage").GetString());

        var events = (await fixture.OutboxAsync(child)).Select(m => JsonDocument.Parse(m.Body).RootElement).ToList();
        Assert.Equal(["Referred", "OutcomeMeasureOffered", "OutcomeMeasureCompleted"], events.Select(e => e.GetProperty("stage").GetString()));
        Assert.Equal(["2026-08-01", "2026-08-10", "2026-09-10"], events.Select(e => e.GetProperty("on").GetString()));
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("referralId").GetGuid()));
    }

    [Fact]
    public async Task Stages_cannot_be_skipped_or_repeated()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        var id = await ReferAsync(http, child);

        var skipped = await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-completed", new { on = "2026-08-10" });
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Equal("application/problem+json", skipped.Content.Headers.ContentType?.MediaType);

        await (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-offered", new { on = "2026-08-10" })).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-offered", new { on = "2026-08-11" })).StatusCode);

        var stored = await (await http.GetAsync($"/api/health/camhs-referrals/{id}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal("2026-08-10", stored.GetProperty("outcomeMeasureOfferedOn").GetString());
        Assert.Equal(2, (await fixture.OutboxAsync(child)).Count);
    }

    [Fact]
    public async Task A_stage_cannot_be_dated_before_the_previous_one()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        var id = await ReferAsync(http, child);

        await (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{id}/outcome-measure-offered", new { on = "2026-07-01" })).FieldErrorsAsync("On");
        var stored = await (await http.GetAsync($"/api/health/camhs-referrals/{id}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal("Referred", stored.GetProperty("stage").GetString());
        Assert.Single(await fixture.OutboxAsync(child));
    }

    [Fact]
    public async Task An_unknown_referral_is_404()
    {
        using var http = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/health/camhs-referrals/{Guid.NewGuid()}/outcome-measure-offered", new { on = "2026-08-10" })).StatusCode);
    }
}
