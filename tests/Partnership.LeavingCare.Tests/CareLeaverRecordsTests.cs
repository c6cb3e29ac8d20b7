using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.LeavingCare.Tests;

/// <summary>Care leaver records with real tokens, PostgreSQL and RabbitMQ: validation, events with ages only, lists.</summary>
public sealed class CareLeaverRecordsTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    // Aged 19 on 1 June 2026.
    private const string DateOfBirth = "2007-03-10";

    public static TheoryData<string, string, string> ValidRecords => new()
    {
        { "contacts", "CareLeaverContactRecorded", """{"childKey":"{key}","contactOn":"2026-06-01","inTouch":"YES"}""" },
        { "activities", "CareLeaverActivityRecorded", """{"childKey":"{key}","recordedOn":"2026-06-01","activityCode":"F5"}""" },
        { "accommodation", "CareLeaverAccommodationRecorded", """{"childKey":"{key}","recordedOn":"2026-06-01","accommodationCode":"D1"}""" },
        { "pathway-plans", "PathwayPlanCompleted", """{"childKey":"{key}","completedOn":"2026-06-01","authorisedOn":"2026-06-05"}""" },
        { "personal-advisers", "PersonalAdviserAllocated", """{"childKey":"{key}","allocatedOn":"2026-06-01"}""" },
        { "staying-put", "StayingPutChanged", """{"childKey":"{key}","startedOn":"2026-06-01"}""" },
    };

    [Theory]
    [MemberData(nameof(ValidRecords))]
    public async Task A_valid_record_is_stored_with_its_event_carrying_the_age_not_the_date_of_birth(string resource, string eventType, string body)
    {
        var key = $"LC-REC-{resource}";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth);

        var created = await http.PostAsync($"/api/leaving-care/{resource}", Json(body.Replace("{key}", key)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evt = Assert.Single(await fixture.OutboxEventsAsync(eventType, key));
        Assert.Equal("leaving-care", evt.GetProperty("sourceAgency").GetString());
        if (evt.TryGetProperty("ageYears", out var age))
        {
            Assert.Equal(19, age.GetInt32());
        }
        Assert.DoesNotContain(DateOfBirth, evt.GetRawText());
        var one = await http.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal(19, one.GetProperty("ageYears").GetInt32());
    }

    [Fact]
    public async Task Codes_are_read_the_SSDA903_way()
    {
        const string key = "LC-CODES-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth);

        var university = await (await http.PostAsync("/api/leaving-care/activities",
            Json($$"""{"childKey":"{{key}}","recordedOn":"2026-06-01","activityCode":"p1"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("P1", university.GetProperty("activityCode").GetString());
        Assert.True(university.GetProperty("inEducationEmploymentOrTraining").GetBoolean());
        Assert.True(university.GetProperty("inHigherEducation").GetBoolean());

        var neet = await (await http.PostAsync("/api/leaving-care/activities",
            Json($$"""{"childKey":"{{key}}","recordedOn":"2026-07-01","activityCode":"G6"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(neet.GetProperty("inEducationEmploymentOrTraining").GetBoolean());

        var bedAndBreakfast = await (await http.PostAsync("/api/leaving-care/accommodation",
            Json($$"""{"childKey":"{{key}}","recordedOn":"2026-06-01","accommodationCode":"W2"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("W", bedAndBreakfast.GetProperty("accommodationType").GetString());
        Assert.False(bedAndBreakfast.GetProperty("suitable").GetBoolean());
    }

    [Fact]
    public async Task A_contact_knows_whether_it_fell_in_the_birthday_window()
    {
        const string key = "LC-BDAY-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, "2007-12-20");

        // Window for the 2026 birthday: 20 September 2026 to 20 January 2027.
        var inWindow = await http.PostAsync("/api/leaving-care/contacts", Json($$"""{"childKey":"{{key}}","contactOn":"2026-11-01","inTouch":"YES"}"""));
        var outside = await http.PostAsync("/api/leaving-care/contacts", Json($$"""{"childKey":"{{key}}","contactOn":"2026-06-01","inTouch":"YES"}"""));

        Assert.True((await inWindow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("withinBirthdayWindow").GetBoolean());
        Assert.False((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("withinBirthdayWindow").GetBoolean());
        var events = await fixture.OutboxEventsAsync("CareLeaverContactRecorded", key);
        Assert.Equal([true, false], events.Select(e => e.GetProperty("withinBirthdayWindow").GetBoolean()));
        Assert.Equal([18, 18], events.Select(e => e.GetProperty("ageYears").GetInt32()));
    }

    [Fact]
    public async Task Invalid_records_get_field_errors_and_nothing_is_stored_or_published()
    {
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, "LC-INV-1", DateOfBirth);
        await fixture.RegisterAsync(http, "LC-INV-YOUNG", "2010-01-01");

        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/contacts",
            Json("""{"childKey":"LC-INV-NOBODY","contactOn":"2026-06-01","inTouch":"YES"}""")), "ChildKey");
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/contacts",
            Json("""{"childKey":"LC-INV-1","contactOn":"2026-06-01","inTouch":"MAYBE"}""")), "InTouch");
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/activities",
            Json("""{"childKey":"LC-INV-1","recordedOn":"2099-01-01","activityCode":"Z9"}""")), "RecordedOn", "ActivityCode");
        // S (no fixed abode) is never suitable, so S1 is not a code.
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/accommodation",
            Json("""{"childKey":"LC-INV-1","recordedOn":"2026-06-01","accommodationCode":"S1"}""")), "AccommodationCode");
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/pathway-plans",
            Json("""{"childKey":"LC-INV-1","completedOn":"2026-06-01","authorisedOn":"2026-05-01"}""")), "AuthorisedOn");
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/staying-put",
            Json("""{"childKey":"LC-INV-YOUNG","startedOn":"2026-06-01"}""")), "StartedOn");
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/care-leavers",
            Json("""{"childKey":"LC-INV-1","dateOfBirth":"1980-01-01","category":"Adopted"}""")), "ChildKey", "DateOfBirth", "Category");

        var stored = await fixture.CountAsync(
            """
            SELECT (SELECT count(*) FROM contacts WHERE "ChildKey" LIKE @prefix) + (SELECT count(*) FROM activities WHERE "ChildKey" LIKE @prefix)
                 + (SELECT count(*) FROM accommodation WHERE "ChildKey" LIKE @prefix) + (SELECT count(*) FROM pathway_plans WHERE "ChildKey" LIKE @prefix)
                 + (SELECT count(*) FROM staying_put WHERE "ChildKey" LIKE @prefix)
            """, "LC-INV-");
        Assert.Equal(0, stored);
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM outbox_messages WHERE body->>'childKey' LIKE @prefix", "LC-INV-"));
    }

    [Fact]
    public async Task Staying_put_starts_once_and_ends_once_with_an_event_each_way()
    {
        const string key = "LC-SP-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, "2007-05-01");

        var started = await http.PostAsync("/api/leaving-care/staying-put", Json($$"""{"childKey":"{{key}}","startedOn":"2025-05-01"}"""));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssertFieldErrors(await http.PostAsync("/api/leaving-care/staying-put", Json($$"""{"childKey":"{{key}}","startedOn":"2025-06-01"}""")), "ChildKey");

        await AssertFieldErrors(await http.PostAsJsonAsync($"/api/leaving-care/staying-put/{id}/end", new { endedOn = "2025-01-01" }), "EndedOn");
        var ended = await http.PostAsJsonAsync($"/api/leaving-care/staying-put/{id}/end", new { endedOn = "2026-09-30" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.False((await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetBoolean());
        await AssertFieldErrors(await http.PostAsJsonAsync($"/api/leaving-care/staying-put/{id}/end", new { endedOn = "2026-10-30" }), "EndedOn");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/leaving-care/staying-put/{Guid.NewGuid()}/end", new { endedOn = "2026-10-30" })).StatusCode);

        var events = await fixture.OutboxEventsAsync("StayingPutChanged", key);
        Assert.Equal([("2025-05-01", true), ("2026-09-30", false)],
            events.Select(e => (e.GetProperty("on").GetString(), e.GetProperty("inStayingPut").GetBoolean())));
    }

    [Fact]
    public async Task Higher_education_lists_care_leavers_whose_latest_activity_is_higher_education()
    {
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, "LC-HE-STILL", DateOfBirth);
        await fixture.RegisterAsync(http, "LC-HE-LEFT", DateOfBirth);
        await http.PostAsync("/api/leaving-care/activities", Json("""{"childKey":"LC-HE-STILL","recordedOn":"2025-10-01","activityCode":"F2"}"""));
        await http.PostAsync("/api/leaving-care/activities", Json("""{"childKey":"LC-HE-STILL","recordedOn":"2026-10-01","activityCode":"F1"}"""));
        await http.PostAsync("/api/leaving-care/activities", Json("""{"childKey":"LC-HE-LEFT","recordedOn":"2025-10-01","activityCode":"F1"}"""));
        await http.PostAsync("/api/leaving-care/activities", Json("""{"childKey":"LC-HE-LEFT","recordedOn":"2026-10-01","activityCode":"G5"}"""));

        var list = await http.GetFromJsonAsync<JsonElement>("/api/leaving-care/higher-education?pageSize=500");

        var keys = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("childKey").GetString()).Where(k => k!.StartsWith("LC-HE-")).ToList();
        Assert.Equal(["LC-HE-STILL"], keys);
    }

    [Fact]
    public async Task Lists_are_paged_and_filtered_by_child()
    {
        const string key = "LC-PAGE-1";
        using var http = await fixture.SystemClientAsync();
        await fixture.RegisterAsync(http, key, DateOfBirth);
        foreach (var month in new[] { 4, 5, 6 })
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/api/leaving-care/contacts",
                Json($$"""{"childKey":"{{key}}","contactOn":"2026-{{month:D2}}-01","inTouch":"YES"}"""))).StatusCode);
        }

        var first = await http.GetFromJsonAsync<JsonElement>($"/api/leaving-care/contacts?childKey={key}&page=1&pageSize=2");
        var second = await http.GetFromJsonAsync<JsonElement>($"/api/leaving-care/contacts?childKey={key}&page=2&pageSize=2");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var leavers = await http.GetFromJsonAsync<JsonElement>("/api/leaving-care/care-leavers?pageSize=500");
        var registered = leavers.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("childKey").GetString() == key);
        Assert.False(registered.TryGetProperty("dateOfBirth", out _));
    }

    [Fact]
    public async Task Callers_without_the_right_token_are_refused()
    {
        const string body = """{"childKey":"LC-AUTH-1","dateOfBirth":"2007-03-10","category":"Relevant"}""";
        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/leaving-care/care-leavers", Json(body))).StatusCode);

        using var virtualSchool = await fixture.ClientAsync("virtual-school-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await virtualSchool.PostAsync("/api/leaving-care/care-leavers", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await virtualSchool.GetAsync("/api/leaving-care/contacts")).StatusCode);

        using var readOnly = await fixture.SystemClientAsync("leaving-care.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("/api/leaving-care/care-leavers", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("/api/leaving-care/contacts",
            Json("""{"childKey":"LC-AUTH-1","contactOn":"2026-06-01","inTouch":"YES"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/leaving-care/contacts")).StatusCode);

        Assert.Equal(0, await fixture.CountAsync("""SELECT count(*) FROM care_leavers WHERE "ChildKey" LIKE @prefix""", "LC-AUTH-"));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

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
