using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.Health.Tests;

[Collection(HealthCollection.Name)]
public sealed class HealthChecksApiTests(HealthFixture fixture)
{
    private static object Sdq(string childKey, int age = 10, int score = 12) =>
        new { childKey, completedOn = "2026-09-01", score, ageYears = age, receivingTherapeuticSupport = false };

    [Fact]
    public async Task Without_a_token_or_with_another_apis_token_writes_are_refused_with_401()
    {
        var child = HealthFixture.NewChild();
        foreach (var client in new[] { null, "police-system", "leaving-care-system" })
        {
            using var http = await fixture.ClientAsync(client);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/health/sdq-scores", Sdq(child))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/health/children/{child}/summary")).StatusCode);
        }
        Assert.Equal(0, await fixture.DbAsync(db => db.SdqScores.CountAsync(s => s.ChildKey == child)));
    }

    [Fact]
    public async Task The_right_scope_is_needed_for_writes_and_for_the_summary()
    {
        var child = HealthFixture.NewChild();
        using var readOnly = await fixture.ClientAsync("health-system", "health.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/health/dental-checks", new { childKey = child, checkedOn = "2026-09-01", registeredWithDentist = true })).StatusCode);
        using var writeOnly = await fixture.ClientAsync("health-system", "health.write");
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync($"/api/health/children/{child}/summary")).StatusCode);
        Assert.Equal(0, await fixture.DbAsync(db => db.DentalChecks.CountAsync(d => d.ChildKey == child)));
    }

    [Theory]
    [InlineData(3, 12, "AgeYears")]
    [InlineData(17, 12, "AgeYears")]
    [InlineData(10, 41, "Score")]
    [InlineData(10, -1, "Score")]
    public async Task Sdq_scores_are_for_ages_4_to_16_and_score_0_to_40(int age, int score, string field)
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        await (await http.PostAsJsonAsync("/api/health/sdq-scores", Sdq(child, age, score))).FieldErrorsAsync(field);
        Assert.Equal(0, await fixture.DbAsync(db => db.SdqScores.CountAsync(s => s.ChildKey == child)));
        Assert.Empty(await fixture.OutboxAsync(child));
    }

    [Theory]
    [InlineData(4, 16, false)]
    [InlineData(16, 17, true)]
    [InlineData(10, 40, true)]
    public async Task A_score_of_17_or_more_is_flagged_as_a_cause_for_concern(int age, int score, bool concern)
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        var body = await (await http.PostAsJsonAsync("/api/health/sdq-scores", Sdq(child, age, score))).BodyAsync(HttpStatusCode.Created);
        Assert.Equal(concern, body.GetProperty("causeForConcern").GetBoolean());

        var message = Assert.Single(await fixture.OutboxAsync(child));
        Assert.Equal("SdqScoreRecorded", message.ShortType());
        Assert.Equal(concern, JsonDocument.Parse(message.Body).RootElement.GetProperty("causeForConcern").GetBoolean());
    }

    [Fact]
    public async Task Dental_gp_immunisation_and_substance_misuse_records_are_stored_with_their_events()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        await (await http.PostAsJsonAsync("/api/health/dental-checks", new { childKey = child, checkedOn = "2026-09-01", registeredWithDentist = true })).BodyAsync(HttpStatusCode.Created);
        await (await http.PostAsJsonAsync("/api/health/gp-registrations", new { childKey = child, recordedOn = "2026-09-02", registered = true })).BodyAsync(HttpStatusCode.Created);
        await (await http.PostAsJsonAsync("/api/health/immunisations", new { childKey = child, recordedOn = "2026-09-03", milestone = "Hpv", upToDate = false, ageYears = 13 })).BodyAsync(HttpStatusCode.Created);
        await (await http.PostAsJsonAsync("/api/health/substance-misuse", new { childKey = child, identifiedOn = "2026-09-04", interventionOffered = true, interventionReceived = false })).BodyAsync(HttpStatusCode.Created);

        Assert.Equal(
            ["DentalCheckRecorded", "GpRegistrationRecorded", "ImmunisationStatusRecorded", "SubstanceMisuseRecorded"],
            (await fixture.OutboxAsync(child)).Select(m => m.ShortType()));
        Assert.Equal(1, await fixture.DbAsync(db => db.Immunisations.CountAsync(i => i.ChildKey == child && !i.UpToDate && i.AgeYears == 13)));
    }

    [Fact]
    public async Task Bad_check_fields_are_reported_and_nothing_is_stored()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        await (await http.PostAsJsonAsync("/api/health/immunisations", new { childKey = child, recordedOn = "2099-01-01", milestone = "Flu", ageYears = 40 }))
            .FieldErrorsAsync("RecordedOn", "Milestone", "UpToDate", "AgeYears");
        await (await http.PostAsJsonAsync("/api/health/substance-misuse", new { childKey = child, identifiedOn = "2026-09-04", interventionOffered = false, interventionReceived = true }))
            .FieldErrorsAsync("InterventionReceived");
        await (await http.PostAsJsonAsync("/api/health/dental-checks", new { childKey = "Mary Jones", checkedOn = "2026-09-01" }))
            .FieldErrorsAsync("ChildKey", "RegisteredWithDentist");

        Assert.Equal(0, await fixture.DbAsync(db => db.Immunisations.CountAsync(i => i.ChildKey == child)));
        Assert.Equal(0, await fixture.DbAsync(db => db.SubstanceMisuse.CountAsync(i => i.ChildKey == child)));
        Assert.Empty(await fixture.OutboxAsync(child));
    }

    [Fact]
    public async Task The_summary_shows_the_latest_of_each_record_and_an_unknown_child_is_404()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/health/children/{child}/summary")).StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await http.PostAsJsonAsync("/api/health/dental-checks", new { childKey = child, checkedOn = today.AddMonths(-14), registeredWithDentist = false });
        await http.PostAsJsonAsync("/api/health/dental-checks", new { childKey = child, checkedOn = today.AddMonths(-2), registeredWithDentist = true });
        await http.PostAsJsonAsync("/api/health/sdq-scores", Sdq(child, 15, 21));
        await http.PostAsJsonAsync("/api/health/assessments", new { childKey = child, assessmentType = "Review", dueDate = today.AddDays(-3), completedOn = today.AddDays(-5), ageYears = 15, wishesAndFeelingsRecorded = true });

        var summary = await (await http.GetAsync($"/api/health/children/{child}/summary")).BodyAsync(HttpStatusCode.OK);
        Assert.True(summary.GetProperty("latestDentalCheck").GetProperty("registeredWithDentist").GetBoolean());
        Assert.True(summary.GetProperty("dentalCheckUpToDate").GetBoolean());
        Assert.True(summary.GetProperty("latestSdq").GetProperty("causeForConcern").GetBoolean());
        Assert.True(summary.GetProperty("assessmentUpToDate").GetBoolean());
        Assert.True(summary.GetProperty("latestAssessment").GetProperty("wishesAndFeelingsRecorded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("gpRegistration").ValueKind);
        Assert.Empty(summary.GetProperty("camhsReferrals").EnumerateArray());
    }
}
