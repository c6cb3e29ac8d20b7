using System.Net;

namespace Partnership.AppHost.Tests;

public sealed class AppHostStartupTests(PartnershipAppFixture fixture)
{
    [Fact]
    public void Every_expected_service_is_in_the_model()
    {
        Assert.Superset(new HashSet<string> { "identity", "health", "board", "dashboard", "gateway" }, fixture.ProjectNames.ToHashSet());
    }

    [Fact]
    public async Task Every_project_answers_health_with_200()
    {
        var failures = new List<string>();
        foreach (var name in fixture.ProjectNames)
        {
            using var client = fixture.CreateHttpClient(name);
            using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Gateway_routes_identity_discovery_document()
    {
        using var client = fixture.CreateGatewayClient();
        using var response = await client.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
