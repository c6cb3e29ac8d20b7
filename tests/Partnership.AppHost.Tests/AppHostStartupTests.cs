using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

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
        // Readiness is live (database and broker are probed on each call), so on a loaded machine a service may answer
        // 503 for a moment while its bus reconnects; each must settle on 200 within the window, and the last answer is reported.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var pending = fixture.ProjectNames.ToDictionary(name => name, _ => "not asked");
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var name in pending.Keys.ToList())
            {
                using var client = fixture.CreateHttpClient(name);
                using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    pending.Remove(name);
                }
                else
                {
                    pending[name] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
                }
            }
            if (pending.Count > 0)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
        Assert.Empty(pending.Select(p => $"{p.Key}: {p.Value}"));
    }

    [Fact]
    public async Task Each_service_connects_to_the_broker_as_its_own_user()
    {
        using var management = new HttpClient { BaseAddress = fixture.App.GetEndpoint("rabbitmq", "management") };
        // The AppHost's development-only administrator (AppHost/RabbitMqExecutable.cs).
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes("partnership:dev-only-rabbitmq-password")));
        string[] expected = ["health", "board", "care-register", "virtual-school", "youth-justice", "missing", "leaving-care", "sharing"];

        var users = new HashSet<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // The management API's connection list is refreshed on a statistics interval, so a fresh connection may lag.
        while (!users.IsSupersetOf(expected) && DateTime.UtcNow < deadline)
        {
            var connections = await management.GetFromJsonAsync<JsonElement>("/api/connections", TestContext.Current.CancellationToken);
            users = connections.EnumerateArray().Select(c => c.GetProperty("user").GetString()!).ToHashSet();
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        Assert.Superset(expected.ToHashSet(), users);
        Assert.DoesNotContain("partnership", users);
    }

    [Fact]
    public async Task Gateway_routes_identity_discovery_document()
    {
        using var client = fixture.CreateGatewayClient();
        using var response = await client.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
