using Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Tests;

public sealed class ConsentWithdrawalTests(SharingFixture fixture) : IClassFixture<SharingFixture>
{
    private static DecideRequest SdqToVirtualSchool(string child) => new()
    {
        Source = "health", Recipient = "virtual-school", ChildKey = child, Category = DataCategory.SdqScores, Purpose = Purpose.CarePlanning,
    };

    [Fact]
    public async Task A_withdrawal_takes_effect_on_the_next_decision_and_is_itself_recorded()
    {
        var child = SharingFixture.NewChild("WD");
        var health = await fixture.AuthAsync("health-system");
        var consent = await fixture.Grpc.RecordConsentAsync(new RecordConsentRequest
        {
            ChildKey = child, GivenBy = ConsentGiver.YoungPerson, Permit = true, Purpose = Purpose.CarePlanning,
            Categories = { DataCategory.SdqScores }, Recipients = { "virtual-school" },
        }, health);

        var before = await fixture.Grpc.DecideAsync(SdqToVirtualSchool(child), health);
        Assert.Equal(Outcome.Permit, before.Outcome);
        Assert.Equal(consent.ConsentId, before.ConsentId);

        var withdrawal = await fixture.Grpc.WithdrawConsentAsync(
            new WithdrawConsentRequest { ConsentId = consent.ConsentId, Reason = "Young person changed their mind" }, health);
        Assert.NotEmpty(withdrawal.AuditEntryId);

        var after = await fixture.Grpc.DecideAsync(SdqToVirtualSchool(child), health);
        Assert.Equal(Outcome.Deny, after.Outcome);
        Assert.Empty(after.ConsentId);

        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = child },
            await fixture.AuthAsync(SharingFixture.OversightClient));
        Assert.Equal(["consent-recorded", "decision", "consent-withdrawn", "decision"], history.Entries.Select(e => e.Kind));
        Assert.Equal(["", "Permit", "", "Deny"], history.Entries.Select(e => e.Kind == "decision" ? e.Outcome : ""));
    }

    [Fact]
    public async Task An_adults_consent_is_their_own_not_the_local_authoritys()
    {
        var child = SharingFixture.NewChild("AD");
        var health = await fixture.AuthAsync("health-system");
        await fixture.PublishAsync(new Partnership.Contracts.LeavingCare.V1.CareLeaverContactRecorded
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, SourceAgency = "leaving-care", ChildKey = child,
            ContactOn = DateOnly.FromDateTime(DateTime.UtcNow), InTouch = Partnership.Contracts.LeavingCare.V1.InTouchStatus.Yes, AgeYears = 19,
        });
        await fixture.Grpc.RecordConsentAsync(new RecordConsentRequest
        {
            ChildKey = child, GivenBy = ConsentGiver.LocalAuthority, Permit = true, Purpose = Purpose.CarePlanning,
            Categories = { DataCategory.HealthSummary }, Recipients = { "leaving-care" },
        }, health);
        var request = new DecideRequest
        {
            Source = "health", Recipient = "leaving-care", ChildKey = child, Category = DataCategory.HealthSummary, Purpose = Purpose.CarePlanning,
        };

        // Once the young person is known to be 19, the local authority's consent no longer counts for them.
        await Testing.Eventually.WaitForAsync(
            async () => (await fixture.Grpc.DecideAsync(request, health)).Outcome, o => o == Outcome.Deny, TimeSpan.FromSeconds(30));

        await fixture.Grpc.RecordConsentAsync(new RecordConsentRequest
        {
            ChildKey = child, GivenBy = ConsentGiver.YoungPerson, Permit = true, Purpose = Purpose.CarePlanning,
            Categories = { DataCategory.HealthSummary }, Recipients = { "leaving-care" },
        }, health);
        var reply = await fixture.Grpc.DecideAsync(request, health);
        Assert.Equal(Outcome.Permit, reply.Outcome);
        Assert.Equal(LawfulBasis.Consent, reply.LawfulBasis);
    }
}
