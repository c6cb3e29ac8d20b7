using Grpc.Core;
using Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Tests;

/// <summary>Who may call what: tokens, the caller's own agency, and the oversight-only subject-access listing.</summary>
public sealed class GrpcAccessTests(SharingFixture fixture) : IClassFixture<SharingFixture>
{
    private static DecideRequest Request(string child, string source = "social-care") => new()
    {
        Source = source, Recipient = "health", ChildKey = child, Category = DataCategory.Placement, Purpose = Purpose.StatutoryDuty,
    };

    [Fact]
    public async Task Without_a_token_every_call_is_unauthenticated_and_nothing_is_recorded()
    {
        var child = SharingFixture.NewChild("AN");
        var none = await fixture.AuthAsync(null);
        var decide = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc.DecideAsync(Request(child), none));
        Assert.Equal(StatusCode.Unauthenticated, decide.StatusCode);
        var consent = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc.RecordConsentAsync(new RecordConsentRequest { ChildKey = child }, none));
        Assert.Equal(StatusCode.Unauthenticated, consent.StatusCode);

        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = child }, await fixture.AuthAsync(SharingFixture.OversightClient));
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task A_token_for_another_api_is_unauthenticated()
    {
        // The board-reporting client only holds board.read: its token's audience is the board, not sharing.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Grpc.DecideAsync(Request(SharingFixture.NewChild("AU")), await fixture.AuthAsync("board-reporting")));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Asking_about_another_agencys_shares_is_permission_denied_and_not_recorded()
    {
        var child = SharingFixture.NewChild("XA");
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Grpc.DecideAsync(Request(child, source: "social-care"), await fixture.AuthAsync("health-system")));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var own = await fixture.Grpc.DecideAsync(Request(child), await fixture.AuthAsync("social-care-system"));
        Assert.Equal(Outcome.Permit, own.Outcome);
        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = child }, await fixture.AuthAsync(SharingFixture.OversightClient));
        var only = Assert.Single(history.Entries);
        Assert.Equal("social-care", only.CallerAgency);
        Assert.Equal(own.DecisionId, only.Id);
    }

    [Fact]
    public async Task Subject_access_listing_needs_oversight()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = "ANY-1" }, await fixture.AuthAsync("social-care-system")));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_every_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc.DecideAsync(
            new DecideRequest { Source = "social-care", Recipient = "nobody", ChildKey = "bad key!" }, await fixture.AuthAsync("social-care-system")));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        foreach (var field in new[] { "recipient", "child_key", "category", "purpose" })
        {
            Assert.Contains(field + ":", error.Status.Detail);
        }
    }

    [Fact]
    public async Task An_override_needs_a_named_officer_with_a_safeguarding_role_a_reason_and_a_safeguarding_basis()
    {
        var child = SharingFixture.NewChild("OV");
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Grpc.RecordOverrideAsync(new RecordOverrideRequest
        {
            ChildKey = child, Recipient = "police", Categories = { DataCategory.SdqScores }, OfficerId = "", OfficerRole = "agency-officer",
            Reason = "because", LawfulBasis = LawfulBasis.Consent, ValidForDays = 90,
        }, await fixture.AuthAsync("health-system")));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        foreach (var field in new[] { "officer_id", "officer_role", "reason", "lawful_basis", "valid_for_days" })
        {
            Assert.Contains(field + ":", error.Status.Detail);
        }

        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = child }, await fixture.AuthAsync(SharingFixture.OversightClient));
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task A_recorded_override_is_audited_and_visible_to_oversight()
    {
        var child = SharingFixture.NewChild("OA");
        var reply = await fixture.Grpc.RecordOverrideAsync(new RecordOverrideRequest
        {
            ChildKey = child, Recipient = "police", Categories = { DataCategory.SdqScores }, OfficerId = "officer-17",
            OfficerRole = "safeguarding-lead", Reason = "Disclosure of exploitation; police strategy meeting today.",
            LawfulBasis = LawfulBasis.PublicTaskSafeguarding,
        }, await fixture.AuthAsync("health-system"));
        var validTo = reply.ValidTo.ToDateTimeOffset();
        Assert.InRange(validTo, DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));

        var history = await fixture.Grpc.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = child }, await fixture.AuthAsync(SharingFixture.OversightClient));
        var entry = Assert.Single(history.Entries);
        Assert.Equal("override-recorded", entry.Kind);
        Assert.Equal(reply.OverrideId, entry.OverrideId);
        Assert.Contains("officer-17", entry.Reason);

        using var http = await fixture.Service.ClientAsync(SharingFixture.OversightClient);
        var overrides = await http.GetStringAsync("/api/sharing/admin/overrides");
        Assert.Contains(reply.OverrideId, overrides);
        using var agency = await fixture.Service.ClientAsync("health-system");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await agency.GetAsync("/api/sharing/admin/overrides")).StatusCode);
    }
}
