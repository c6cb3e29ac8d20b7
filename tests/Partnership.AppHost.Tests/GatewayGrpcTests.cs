using System.Net;
using Partnership.Testing;

namespace Partnership.AppHost.Tests;

/// <summary>
/// gRPC through the running platform: the gateway's HTTP/2 endpoint, DCP's proxies, and the sharing service's h2c port.
/// The probe sends an empty Decide message, which the service's own validation answers with INVALID_ARGUMENT: an answer
/// only its handler gives, so the call went through routing, the gateway's token check and the service's authorisation.
/// </summary>
public sealed class GatewayGrpcTests(PartnershipAppFixture fixture)
{
    private const string Decide = "/partnership.sharing.v1.SharingService/Decide";

    [Fact]
    public async Task A_gRPC_call_on_the_gateways_HTTP2_endpoint_reaches_the_sharing_service_and_one_without_a_token_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = fixture.CreateGatewayClient();
        var token = await EndToEndTests.TokenAsync(gateway, "health-system", "sharing.decide");
        using var grpc = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway", "grpc") };

        using var answered = await grpc.SendAsync(RawGrpcCall.Empty(Decide, token), HttpCompletionOption.ResponseContentRead, ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpVersion.Version20, answered.Version);
        Assert.Equal("3", RawGrpcCall.Status(answered));

        using var refused = await grpc.SendAsync(RawGrpcCall.Empty(Decide, token: null), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
