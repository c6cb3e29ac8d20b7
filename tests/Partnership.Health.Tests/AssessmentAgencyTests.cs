using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.Testing;

namespace Partnership.Health.Tests;

/// <summary>
/// Health assessments are the CiC health team's records: a token that holds the health scopes but acts for another
/// agency is refused, as for every other health record.
/// </summary>
[Collection(HealthCollection.Name)]
public sealed class AssessmentAgencyTests(HealthFixture fixture)
{
    private const string OtherAgency = "police-with-health-scopes";

    private static object Assessment(string childKey) => new
    {
        childKey, assessmentType = "Review", dueDate = "2026-09-10", completedOn = "2026-09-01", ageYears = 9, wishesAndFeelingsRecorded = true,
    };

    [Fact]
    public async Task Another_agency_holding_the_health_scopes_may_neither_record_nor_read_assessments()
    {
        await fixture.Identity.RegisterClientAsync(OtherAgency, Agencies.Police, "health.read", "health.write");
        using var police = await fixture.ClientAsync(OtherAgency);
        var child = HealthFixture.NewChild();

        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync("/api/health/assessments", Assessment(child))).StatusCode);
        Assert.Equal(0, await fixture.DbAsync(db => db.Assessments.CountAsync(a => a.ChildKey == child)));
        Assert.Empty(await fixture.OutboxAsync(child));

        using var health = await fixture.ClientAsync("health-system");
        var created = await (await health.PostAsJsonAsync("/api/health/assessments", Assessment(child))).BodyAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/health/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/health/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync($"/api/health/assessments/{id}")).StatusCode);
        Assert.Single(await fixture.OutboxAsync(child));
    }
}
