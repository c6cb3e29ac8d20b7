using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Partnership.VirtualSchool.Tests;

/// <summary>Exclusions, PEPs, attainment, admissions, school moves and NEET: validation, events, paged lists.</summary>
public sealed class EducationRecordsTests(VirtualSchoolFixture fixture) : IClassFixture<VirtualSchoolFixture>
{
    public static TheoryData<string, string, string> ValidRecords => new()
    {
        { "exclusions", "ExclusionRecorded", """{"childKey":"VS-REC-EXC","type":"FixedTerm","startDate":"2026-10-05","sessions":4}""" },
        { "personal-education-plans", "PersonalEducationPlanCompleted",
            """{"childKey":"VS-REC-PEP","reason":"EnteredCare","dueOn":"2026-10-20","completedOn":"2026-10-14","quality":"Good"}""" },
        { "attainment", "AttainmentRecorded",
            """{"childKey":"VS-REC-ATT","academicYear":2026,"keyStage":4,"fiveOrMoreAToC":true,"fiveOrMoreAToCIncludingEnglishAndMaths":false,"lookedAfterTwelveMonthsAt31March":true}""" },
        { "admissions", "SchoolAdmissionProcessed", """{"childKey":"VS-REC-ADM","requestedOn":"2026-09-01","admittedOn":"2026-09-29","schoolDaysTaken":19}""" },
        { "school-moves", "SchoolMoveRecorded", """{"childKey":"VS-REC-MOV","movedOn":"2026-09-07","followedPlacementMove":true}""" },
        { "neet", "NeetStatusRecorded", """{"childKey":"VS-REC-NEET","recordedOn":"2026-11-01","ageYears":17,"neet":true}""" },
    };

    [Theory]
    [MemberData(nameof(ValidRecords))]
    public async Task A_valid_record_is_stored_with_its_event_and_can_be_read_back(string resource, string eventType, string body)
    {
        var childKey = JsonDocument.Parse(body).RootElement.GetProperty("childKey").GetString()!;
        using var http = await fixture.SystemClientAsync();

        var created = await http.PostAsync($"/api/virtual-school/{resource}", Json(body));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var events = await fixture.OutboxEventsAsync(eventType, childKey);
        var evt = Assert.Single(events);
        Assert.Equal("virtual-school", evt.GetProperty("sourceAgency").GetString());
        var one = await http.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal(childKey, one.GetProperty("childKey").GetString());
    }

    [Fact]
    public async Task Derived_fields_answer_the_board_questions()
    {
        using var http = await fixture.SystemClientAsync();
        var latePep = await http.PostAsync("/api/virtual-school/personal-education-plans",
            Json("""{"childKey":"VS-DER-1","reason":"TermlyReview","dueOn":"2026-10-01","completedOn":"2026-10-09"}"""));
        Assert.False((await latePep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onTime").GetBoolean());

        var slowAdmission = await http.PostAsync("/api/virtual-school/admissions",
            Json("""{"childKey":"VS-DER-1","requestedOn":"2026-09-01","admittedOn":"2026-10-15","schoolDaysTaken":31}"""));
        Assert.False((await slowAdmission.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("withinTwentySchoolDays").GetBoolean());
    }

    [Fact]
    public async Task Invalid_records_get_field_errors_and_nothing_is_stored_or_published()
    {
        using var http = await fixture.SystemClientAsync();

        var exclusion = await http.PostAsync("/api/virtual-school/exclusions",
            Json("""{"childKey":"VS INVALID","type":"Expelled","startDate":"2099-01-01","sessions":0.3}"""));
        await AssertFieldErrors(exclusion, "ChildKey", "Type", "StartDate", "Sessions");

        var admission = await http.PostAsync("/api/virtual-school/admissions",
            Json("""{"childKey":"VS-INV-2","requestedOn":"2026-09-10","admittedOn":"2026-09-01","schoolDaysTaken":-1}"""));
        await AssertFieldErrors(admission, "AdmittedOn", "SchoolDaysTaken");

        var neet = await http.PostAsync("/api/virtual-school/neet", Json("""{"childKey":"VS-INV-3","recordedOn":"2026-11-01","ageYears":12}"""));
        await AssertFieldErrors(neet, "AgeYears", "Neet");

        var pep = await http.PostAsync("/api/virtual-school/personal-education-plans",
            Json("""{"childKey":"VS-INV-4","reason":"1","dueOn":"2026-10-01","completedOn":"2026-10-01","quality":"Superb"}"""));
        await AssertFieldErrors(pep, "Reason", "Quality");

        var stored = await fixture.ScalarAsync(
            """
            SELECT (SELECT count(*) FROM exclusions WHERE "ChildKey" LIKE @prefix) + (SELECT count(*) FROM school_admissions WHERE "ChildKey" LIKE @prefix)
                 + (SELECT count(*) FROM neet_statuses WHERE "ChildKey" LIKE @prefix) + (SELECT count(*) FROM personal_education_plans WHERE "ChildKey" LIKE @prefix)
            """, "VS-INV-");
        Assert.Equal(0, stored);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE body->>'childKey' LIKE @prefix", "VS-INV-"));
    }

    [Fact]
    public async Task Lists_are_paged_and_filtered_by_child()
    {
        using var http = await fixture.SystemClientAsync();
        foreach (var day in new[] { 7, 14, 21 })
        {
            var response = await http.PostAsync("/api/virtual-school/school-moves",
                Json($$"""{"childKey":"VS-PAGE-1","movedOn":"2026-09-{{day:D2}}","followedPlacementMove":false}"""));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var first = await http.GetFromJsonAsync<JsonElement>("/api/virtual-school/school-moves?childKey=VS-PAGE-1&page=1&pageSize=2");
        var second = await http.GetFromJsonAsync<JsonElement>("/api/virtual-school/school-moves?childKey=VS-PAGE-1&page=2&pageSize=2");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("movedOn").GetString()).Order().ToList();
        Assert.Equal(["2026-09-07", "2026-09-14", "2026-09-21"], all);
    }

    [Fact]
    public async Task Callers_without_the_right_token_are_refused()
    {
        const string body = """{"childKey":"VS-AUTH-PEP","reason":"EnteredCare","dueOn":"2026-10-20","completedOn":"2026-10-14"}""";
        using var anonymous = await fixture.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/virtual-school/personal-education-plans", Json(body))).StatusCode);

        using var leavingCare = await fixture.ClientAsync("leaving-care-system");
        Assert.Equal(HttpStatusCode.Unauthorized, (await leavingCare.PostAsync("/api/virtual-school/personal-education-plans", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leavingCare.GetAsync("/api/virtual-school/personal-education-plans")).StatusCode);

        using var readOnly = await fixture.SystemClientAsync("virtual-school.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("/api/virtual-school/personal-education-plans", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/virtual-school/personal-education-plans")).StatusCode);

        Assert.Empty(await fixture.OutboxEventsAsync("PersonalEducationPlanCompleted", "VS-AUTH-PEP"));
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
