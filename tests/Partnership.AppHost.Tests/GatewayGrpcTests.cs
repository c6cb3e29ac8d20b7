using System.Net;
using System.Net.Http.Headers;

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

        using var answered = await grpc.SendAsync(EmptyCall(token), HttpCompletionOption.ResponseContentRead, ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpVersion.Version20, answered.Version);
        Assert.Equal("3", GrpcStatus(answered));

        using var refused = await grpc.SendAsync(EmptyCall(token: null), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static HttpRequestMessage EmptyCall(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Decide)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>gRPC puts its status in the trailers, or in the headers of a response that has no message.</summary>
    private static string? GrpcStatus(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
        : null;
}
