using System.Net;
using System.Net.Http.Json;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;
using Partnership.Testing;

namespace Partnership.Gateway.Tests;

/// <summary>
/// gRPC at the edge: the gateway's HTTP/2-only port takes a call for the sharing service's gRPC package, checks the
/// token like any API call, and forwards it over cleartext HTTP/2 to the service's gRPC endpoint (not its HTTP/1.1
/// port), while the ordinary port keeps serving HTTP/1.1.
/// </summary>
public sealed class GrpcRoutingTests(Platform platform, GrpcRoutingTests.Gateway gateway) : IClassFixture<GrpcRoutingTests.Gateway>
{
    private const string SharingGrpc = "/partnership.sharing.v1.SharingService/";

    public sealed class Gateway : GatewayFactory
    {
        public Gateway(Platform platform) : this(platform, LoopbackPorts.Reserve(2))
        {
        }

        private Gateway(Platform platform, int[] ports)
            : base(platform, new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{ports[0]}",
                ["Gateway:GrpcPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
        {
            HttpPort = ports[0];
            GrpcPort = ports[1];
        }

        public int HttpPort { get; }
        public int GrpcPort { get; }
    }

    [Fact]
    public async Task A_gRPC_call_is_forwarded_over_HTTP2_to_the_sharing_services_gRPC_endpoint_with_its_token()
    {
        StartGateway();
        var token = platform.Identity.Token(PartnershipApis.Sharing.Audience);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.GrpcPort}") };

        using var response = await http.SendAsync(RawGrpcCall.Empty(SharingGrpc + "Decide", token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.NotNull(echoed);
        Assert.Equal(PartnershipApis.Sharing.Service + EchoServices.GrpcSuffix, echoed.Service);
        Assert.Equal("HTTP/2", echoed.Protocol);
        Assert.Equal(SharingGrpc + "Decide", echoed.Path);
        Assert.Equal($"Bearer {token}", echoed.Authorization);
        Assert.False(string.IsNullOrEmpty(echoed.CorrelationId));
    }

    [Fact]
    public async Task A_gRPC_call_without_a_token_is_refused_at_the_gateway_and_reaches_no_service()
    {
        StartGateway();
        var method = "Unsigned" + Guid.NewGuid().ToString("N");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.GrpcPort}") };

        using var response = await http.SendAsync(RawGrpcCall.Empty(SharingGrpc + method, token: null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(platform.Services.SawPath(method));
    }

    [Fact]
    public async Task The_ordinary_port_still_serves_REST_over_HTTP_1_1()
    {
        StartGateway();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}") };

        using var response = await http.GetWithTokenAsync($"/api/health/assessments/{Guid.NewGuid()}", platform.Identity.Token(PartnershipApis.Health.Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal(PartnershipApis.Health.Service, echoed!.Service);
        Assert.Equal("HTTP/1.1", echoed.Protocol);
    }

    private void StartGateway() => gateway.StartServer();
}
