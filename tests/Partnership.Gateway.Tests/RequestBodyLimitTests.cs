using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Partnership.Gateway.Tests.Infrastructure;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests;

public sealed class RequestBodyLimitTests(Platform platform, DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private const int OverDefaultLimit = 1024 * 1024 + 512 * 1024;
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task A_body_over_the_default_limit_gets_413_and_is_not_forwarded()
    {
        var marker = Guid.NewGuid().ToString();

        var response = await _client.PostBytesAsync($"/api/health/records/{marker}", platform.Identity.Token(PartnershipApis.Health.Audience), OverDefaultLimit);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(platform.Services.SawPath(marker));
    }

    [Fact]
    public async Task A_chunked_body_over_the_default_limit_is_cut_off_with_413()
    {
        var marker = Guid.NewGuid().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/health/records/{marker}")
        {
            Content = new StreamContent(new MemoryStream(new byte[OverDefaultLimit])),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.Identity.Token(PartnershipApis.Health.Audience));

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/virtual-school/attendance/bulk", "virtual-school")]
    [InlineData("/api/care-register/imports/2026-11", "care-register")]
    public async Task Bulk_routes_accept_bodies_above_the_default_limit(string path, string service)
    {
        const int bulkBody = 3 * 1024 * 1024;
        var audience = PartnershipApis.All.Single(a => a.Service == service).Audience;

        var response = await _client.PostBytesAsync(path, platform.Identity.Token(audience), bulkBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal(service, echoed!.Service);
        Assert.Equal(bulkBody, echoed.BodyBytes);
    }
}
