using Grpc.Core;
using Partnership.Contracts;
using Partnership.Security.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Sharing.Grpc.V1;
using GrpcOutcome = Partnership.Sharing.Grpc.V1.Outcome;
using static Partnership.Security.Tests.Authorisation.AuthorisationMatrixTests;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>
/// gRPC through the gateway's HTTP/2 port to the sharing service's h2c port, with real identity tokens: answered with
/// a token that carries the method's scope, UNAUTHENTICATED without one (the gateway refuses it) or with a token for
/// another API (the service refuses it), PERMISSION_DENIED with the wrong scope.
/// </summary>
public sealed class GrpcThroughGatewayTests(GrpcThroughGatewayFixture fixture) : IClassFixture<GrpcThroughGatewayFixture>
{
    private const string GrpcService = "/partnership.sharing.v1.SharingService/";

    private SharingService.SharingServiceClient Client => new(fixture.Channel);

    [Fact]
    public async Task A_decision_asked_through_the_gateway_with_the_agencys_token_is_answered_and_recorded()
    {
        var reply = await Client.DecideAsync(HealthSummaryForSocialCare("SEC-GRPC-0001"), Bearer(fixture.Caller("health-system").Token!),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(Guid.TryParse(reply.DecisionId, out _), $"no decision id in {reply}");
        Assert.Contains(reply.Outcome, new[] { GrpcOutcome.Permit, GrpcOutcome.Deny });
        Assert.NotEmpty(reply.Reason);

        // The subject-access listing, through the gateway with an oversight caller's token, shows the decision.
        var rule = AccessRules.For(PartnershipApis.Sharing.Service).Single(r => r.Pattern == GrpcService + "ListDecisions");
        var overseer = fixture.Callers.First(c => !c.IsAnonymous && c.Audiences.Contains(PartnershipApis.Sharing.Audience) && rule.Access.Admits(c));
        var listed = await Client.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = "SEC-GRPC-0001" }, Bearer(overseer.Token!),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(listed.Entries, e => e.Source == Agencies.Health && e.Recipient == Agencies.SocialCare);
    }

    [Fact]
    public async Task A_call_without_a_token_is_Unauthenticated()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DecideAsync(HealthSummaryForSocialCare("SEC-GRPC-0002"), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_API_only_is_Unauthenticated()
    {
        var boardOnly = fixture.Caller("board-reporting").Token!;
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DecideAsync(HealthSummaryForSocialCare("SEC-GRPC-0003"), Bearer(boardOnly), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_methods_scope_is_PermissionDenied()
    {
        var inboxOnly = await fixture.Identity.TokenAsync("health-system", "sharing.inbox");
        var decide = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DecideAsync(HealthSummaryForSocialCare("SEC-GRPC-0004"), Bearer(inboxOnly), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, decide.StatusCode);

        // Subject-access listings are for oversight only: an agency's full token is not enough.
        var list = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListDecisionsAsync(new ListDecisionsRequest { ChildKey = "SEC-GRPC-0004" }, Bearer(fixture.Caller("health-system").Token!),
                cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
    }

    /// <summary>The authorisation matrix's gRPC rows, asked again through the gateway: the gateway must neither add nor lose a refusal.</summary>
    [Fact]
    public async Task Every_gRPC_method_answers_every_caller_through_the_gateway_as_the_rules_declare()
    {
        var rules = AccessRules.For(PartnershipApis.Sharing.Service).Where(r => r.Transport == AccessRules.Transport.Grpc && r.Pattern.StartsWith(GrpcService, StringComparison.Ordinal)).ToList();
        Assert.Contains(rules, r => r.Pattern == GrpcService + "Decide");
        using var http = fixture.CreateHttp2Client();
        var mismatches = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var caller in fixture.Callers)
            {
                using var request = ProbeRequest.For(rule, [], caller.Token);
                using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
                var expected = Expected(rule, caller, PartnershipApis.Sharing.Audience);
                var actual = Classify(rule, response.StatusCode);
                if (actual != expected)
                {
                    mismatches.Add($"{rule.Key} as {caller}: expected {expected} ({rule.Access}), got {(int)response.StatusCode} over HTTP/{response.Version}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rules.Count * fixture.Callers.Count} gRPC calls through the gateway disagree with the rules:\n{string.Join('\n', mismatches)}");
    }

    private static DecideRequest HealthSummaryForSocialCare(string childKey) => new()
    {
        Source = Agencies.Health,
        Recipient = Agencies.SocialCare,
        ChildKey = childKey,
        Category = DataCategory.HealthSummary,
        Purpose = Purpose.DirectCare,
    };

    private static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };
}
