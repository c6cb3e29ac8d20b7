using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Testing;

namespace Partnership.Health.Tests;

[Collection(HealthCollection.Name)]
public sealed class AssessmentDueDateTests(HealthFixture fixture)
{
    [Fact]
    public async Task An_initial_assessment_given_an_entered_care_date_is_due_20_working_days_later_skipping_easter()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        var body = await (await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = child,
            assessmentType = "Initial",
            enteredCareOn = "2026-03-30",
            completedOn = "2026-04-29",
            wishesAndFeelingsRecorded = true,
        })).BodyAsync(HttpStatusCode.Created);

        Assert.Equal("2026-04-29", body.GetProperty("dueDate").GetString());
        Assert.True(body.GetProperty("withinTimescale").GetBoolean());
        var stored = await fixture.DbAsync(db => db.Assessments.SingleAsync(a => a.ChildKey == child));
        Assert.Equal(new DateOnly(2026, 4, 29), stored.DueDate);
        Assert.Equal(new DateOnly(2026, 3, 30), stored.EnteredCareOn);

        var evt = JsonDocument.Parse(Assert.Single(await fixture.OutboxAsync(child)).Body).RootElement;
        Assert.True(evt.GetProperty("wishesAndFeelingsRecorded").GetBoolean());
        Assert.Equal("2026-04-29", evt.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task An_entered_care_date_is_refused_alongside_a_due_date_or_on_a_review()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");
        await (await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = child, assessmentType = "Initial", enteredCareOn = "2026-03-30", dueDate = "2026-04-20", completedOn = "2026-04-10",
        })).FieldErrorsAsync("EnteredCareOn");
        await (await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = child, assessmentType = "Review", enteredCareOn = "2026-03-30", completedOn = "2026-04-10",
        })).FieldErrorsAsync("EnteredCareOn", "DueDate");
        await (await http.PostAsJsonAsync("/api/health/assessments", new
        {
            childKey = child, assessmentType = "Initial", enteredCareOn = "2023-03-30", completedOn = "2023-04-10",
        })).FieldErrorsAsync("EnteredCareOn");

        Assert.Equal(0, await fixture.DbAsync(db => db.Assessments.CountAsync(a => a.ChildKey == child)));
        Assert.Empty(await fixture.OutboxAsync(child));
    }

    [Fact]
    public async Task A_review_given_the_childs_age_is_due_six_months_after_the_previous_assessment_under_five()
    {
        var child = HealthFixture.NewChild();
        using var http = await fixture.ClientAsync("health-system");

        // No earlier assessment to schedule from: the due date is then required.
        await (await http.PostAsJsonAsync("/api/health/assessments", new { childKey = child, assessmentType = "Review", ageYears = 3, completedOn = "2026-07-01" }))
            .FieldErrorsAsync("DueDate");
        Assert.Equal(0, await fixture.DbAsync(db => db.Assessments.CountAsync(a => a.ChildKey == child)));

        await (await http.PostAsJsonAsync("/api/health/assessments", new { childKey = child, assessmentType = "Initial", dueDate = "2026-01-20", completedOn = "2026-01-10" }))
            .BodyAsync(HttpStatusCode.Created);
        var review = await (await http.PostAsJsonAsync("/api/health/assessments", new { childKey = child, assessmentType = "Review", ageYears = 3, completedOn = "2026-07-20" }))
            .BodyAsync(HttpStatusCode.Created);

        Assert.Equal("2026-07-10", review.GetProperty("dueDate").GetString());
        Assert.False(review.GetProperty("withinTimescale").GetBoolean());
        Assert.Equal("2027-01-20", review.GetProperty("nextReviewDue").GetString());
    }
}
