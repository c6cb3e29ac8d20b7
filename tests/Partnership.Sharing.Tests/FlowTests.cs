using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts.Missing.V1;
using Partnership.Sharing.Data;
using Partnership.Sharing.Grpc.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Privacy;
using Partnership.Testing;

namespace Partnership.Sharing.Tests;

/// <summary>Each flow end to end: the source event published on RabbitMQ, the recipient's inbox read over REST.</summary>
public sealed class FlowTests(SharingFixture fixture) : IClassFixture<SharingFixture>
{
    private Task<List<JsonElement>> ArrivedAsync(string client, string child, int count = 1) =>
        Eventually.WaitForAsync(() => fixture.InboxAsync(client, child), items => items.Count >= count, TimeSpan.FromSeconds(30));

    /// <summary>Waits until the service has consumed an event (its inbox row is committed with every decision).</summary>
    private Task ConsumedAsync(Guid eventId) =>
        Eventually.WaitForAsync(
            () => fixture.Service.WithServiceAsync<SharingDbContext, int>(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == eventId)),
            n => n > 0, TimeSpan.FromSeconds(30));

    private Task<int> AuditEntriesAsync(string child) =>
        fixture.Service.WithServiceAsync<SharingDbContext, int>(db => db.AuditEntries.CountAsync(e => e.ChildKey == child));

    private async Task ConsentAsync(string child, ConsentGiver giver, DataCategory category, string recipient, bool permit = true) =>
        await fixture.Grpc.RecordConsentAsync(new RecordConsentRequest
        {
            ChildKey = child, GivenBy = giver, Permit = permit, Purpose = Purpose.CarePlanning, Categories = { category }, Recipients = { recipient },
        }, await fixture.AuthAsync("health-system"));

    [Fact]
    public async Task Entering_care_tells_health_and_the_virtual_school_under_statutory_duty()
    {
        var child = SharingFixture.NewChild("EC");
        await fixture.PublishAsync(Events.EnteredCare(child));

        var health = Assert.Single(await ArrivedAsync("health-system", child));
        Assert.Equal("StatutoryDuty", health.GetProperty("purpose").GetString());
        Assert.Equal("LegalObligation", health.GetProperty("lawfulBasis").GetString());
        Assert.Equal("Placement", health.GetProperty("category").GetString());
        // 20 working days from Friday 20 November 2026.
        Assert.Equal("2026-12-18", health.GetProperty("facts").GetProperty("initialHealthAssessmentDueBy").GetString());
        Assert.True(Guid.TryParse(health.GetProperty("decisionId").GetString(), out _));

        var school = Assert.Single(await ArrivedAsync("virtual-school-system", child));
        Assert.Equal("2026-12-18", school.GetProperty("facts").GetProperty("personalEducationPlanDueBy").GetString());
        Assert.False(school.GetProperty("facts").TryGetProperty("legalStatus", out _));

        Assert.Empty(await fixture.InboxAsync("police-system", child));
        Assert.Empty(await fixture.InboxAsync("youth-offending-system", child));
    }

    [Fact]
    public async Task A_missing_episode_goes_to_the_police_and_the_missing_team_but_not_back_to_its_source()
    {
        var child = SharingFixture.NewChild("ME");
        var episode = Guid.NewGuid();
        await fixture.PublishAsync(Events.MissingStarted(child, episode, source: "police"));
        await fixture.PublishAsync(Events.MissingEnded(child, episode, source: "missing-team"));

        var team = Assert.Single(await ArrivedAsync("missing-team-system", child));
        Assert.Equal("started", team.GetProperty("facts").GetProperty("status").GetString());
        Assert.Equal("PublicTaskSafeguarding", team.GetProperty("lawfulBasis").GetString());

        var police = Assert.Single(await ArrivedAsync("police-system", child));
        Assert.Equal("ended", police.GetProperty("facts").GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T10:00:00Z"), police.GetProperty("facts").GetProperty("returnInterviewDueBy").GetDateTimeOffset());
        Assert.False(police.GetProperty("facts").TryGetProperty("foundBy", out _));

        Assert.Empty(await fixture.InboxAsync("health-system", child));
    }

    [Fact]
    public async Task A_return_interview_with_an_exploitation_concern_goes_to_youth_offending_and_police_and_one_without_goes_nowhere()
    {
        var concerned = SharingFixture.NewChild("RI");
        await fixture.PublishAsync(Events.ReturnInterview(concerned, ExploitationConcern.CriminalExploitation));
        var yos = Assert.Single(await ArrivedAsync("youth-offending-system", concerned));
        Assert.Equal("ExploitationRisk", yos.GetProperty("category").GetString());
        Assert.Equal("Safeguarding", yos.GetProperty("purpose").GetString());
        Assert.Equal("CriminalExploitation", yos.GetProperty("facts").GetProperty("concern").GetString());
        Assert.Single(await ArrivedAsync("police-system", concerned));

        var calm = SharingFixture.NewChild("RN");
        var interview = Events.ReturnInterview(calm, ExploitationConcern.None);
        await fixture.PublishAsync(interview);
        await ConsumedAsync(interview.EventId);
        Assert.Empty(await fixture.InboxAsync("youth-offending-system", calm));
        Assert.Empty(await fixture.InboxAsync("police-system", calm));
        Assert.Equal(0, await AuditEntriesAsync(calm));
    }

    [Fact]
    public async Task A_health_summary_reaches_leaving_care_only_for_an_adult_who_consented()
    {
        var adult = SharingFixture.NewChild("HA");
        var contact = Events.CareLeaverContact(adult, 18);
        await fixture.PublishAsync(contact);
        await ConsumedAsync(contact.EventId);
        await ConsentAsync(adult, ConsentGiver.YoungPerson, DataCategory.HealthSummary, "leaving-care");
        await fixture.PublishAsync(Events.HealthAssessment(adult));

        var item = Assert.Single(await ArrivedAsync("leaving-care-system", adult));
        Assert.Equal("Consent", item.GetProperty("lawfulBasis").GetString());
        Assert.Equal("HealthSummary", item.GetProperty("category").GetString());
        Assert.True(item.GetProperty("facts").GetProperty("immunisationsUpToDate").GetBoolean());

        // Consented but 16: not shared, and the refusal is audited.
        var minor = SharingFixture.NewChild("HM");
        var minorContact = Events.CareLeaverContact(minor, 16);
        await fixture.PublishAsync(minorContact);
        await ConsumedAsync(minorContact.EventId);
        await ConsentAsync(minor, ConsentGiver.YoungPerson, DataCategory.HealthSummary, "leaving-care");
        var minorAssessment = Events.HealthAssessment(minor);
        await fixture.PublishAsync(minorAssessment);
        await ConsumedAsync(minorAssessment.EventId);
        Assert.Empty(await fixture.InboxAsync("leaving-care-system", minor));

        // 18 without consent: not shared.
        var unconsented = SharingFixture.NewChild("HN");
        var unconsentedContact = Events.CareLeaverContact(unconsented, 20);
        await fixture.PublishAsync(unconsentedContact);
        await ConsumedAsync(unconsentedContact.EventId);
        var unconsentedAssessment = Events.HealthAssessment(unconsented);
        await fixture.PublishAsync(unconsentedAssessment);
        await ConsumedAsync(unconsentedAssessment.EventId);
        Assert.Empty(await fixture.InboxAsync("leaving-care-system", unconsented));

        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = minor }, await fixture.AuthAsync(SharingFixture.OversightClient));
        Assert.Contains(history.Entries, e => e.Kind == "decision" && e.Recipient == "leaving-care" && e.Outcome == "Deny" && e.Reason.Contains("18"));
    }

    [Fact]
    public async Task An_sdq_score_reaches_the_virtual_school_with_consent()
    {
        var child = SharingFixture.NewChild("SQ");
        await ConsentAsync(child, ConsentGiver.ParentalResponsibility, DataCategory.SdqScores, "virtual-school");
        await fixture.PublishAsync(Events.Sdq(child, score: 19));

        var item = Assert.Single(await ArrivedAsync("virtual-school-system", child));
        Assert.Equal(19, item.GetProperty("facts").GetProperty("score").GetInt32());
        Assert.True(item.GetProperty("facts").GetProperty("causeForConcern").GetBoolean());
        Assert.Equal("Consent", item.GetProperty("lawfulBasis").GetString());
    }

    [Fact]
    public async Task A_recipient_that_is_not_permitted_receives_nothing_not_even_that_a_record_exists()
    {
        var refused = SharingFixture.NewChild("NP");
        await ConsentAsync(refused, ConsentGiver.YoungPerson, DataCategory.SdqScores, "virtual-school", permit: false);
        var sdq = Events.Sdq(refused);
        await fixture.PublishAsync(sdq);
        await ConsumedAsync(sdq.EventId);

        var school = await fixture.InboxAsync("virtual-school-system");
        Assert.DoesNotContain(school, i => i.GetProperty("childKey").GetString() == refused);
        Assert.Empty(await fixture.InboxAsync("virtual-school-system", refused));

        // The refusal itself is on the record for oversight.
        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = refused }, await fixture.AuthAsync(SharingFixture.OversightClient));
        Assert.Contains(history.Entries, e => e.Recipient == "virtual-school" && e.Outcome == "Deny");
    }

    [Fact]
    public async Task The_board_gets_a_pseudonymised_feed_with_no_identifiers()
    {
        var child = SharingFixture.NewChild("BD");
        var evt = Events.EnteredCare(child, age: 14);
        await fixture.PublishAsync(evt);
        await ArrivedAsync("health-system", child);

        var pseudonym = KeyedPseudonym.Compute(Routing.SharingOptions.DevelopmentBoardPseudonymKey, child);
        var board = await Eventually.WaitForAsync(() => fixture.InboxAsync(SharingFixture.BoardInboxClient),
            items => items.Any(i => i.GetProperty("childPseudonym").GetString() == pseudonym), TimeSpan.FromSeconds(30));
        var item = board.Single(i => i.GetProperty("childPseudonym").GetString() == pseudonym);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("childKey").ValueKind);
        Assert.Equal("AggregateMonitoring", item.GetProperty("purpose").GetString());
        Assert.Equal("PublicTask", item.GetProperty("lawfulBasis").GetString());
        Assert.Equal("10-15", item.GetProperty("facts").GetProperty("ageBand").GetString());

        var everything = JsonSerializer.Serialize(board);
        Assert.DoesNotContain(child, everything);
        Assert.DoesNotContain(evt.EventId.ToString(), everything);
        Assert.DoesNotContain("2026-11-20", everything);
    }
}
