using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Partnership.Health.Data;
using Partnership.IntegrationTests.Infrastructure;
using Partnership.ServiceDefaults.Messaging;
using Partnership.Testing;

namespace Partnership.IntegrationTests.Messaging;

/// <summary>
/// Readiness must follow the broker itself, not the port in front of it. Under Aspire every service reaches RabbitMQ
/// through DCP's proxy, which accepts connections even when RabbitMQ is down; here a proxy that does the same stands
/// between the real health service and the real broker.
/// </summary>
public sealed class BrokerReadinessTests
{
    [Fact]
    public async Task Readiness_goes_unhealthy_while_the_broker_behind_an_always_accepting_proxy_is_down_and_healthy_after()
    {
        var virtualHost = await RabbitMqVirtualHosts.CreateAsync("readiness");
        await using var deletion = RabbitMqVirtualHosts.DeletedOnDispose(virtualHost);
        var broker = new Uri(virtualHost);
        await using var proxy = new SwitchableTcpProxy(broker.Host, broker.Port);
        var viaProxy = new UriBuilder(broker) { Port = proxy.Port }.Uri.ToString();
        await using var identity = await IdentityHost.StartAsync();
        await using var health = new ServiceUnderTest<HealthDbContext>(identity, "healthdb", await TestInfrastructure.CreateDatabaseAsync("healthdb"),
            messaging: viaProxy);
        using var http = health.CreateClient();

        await Eventually.WaitForAsync(() => BrokerCheckAsync(health), status => status == HealthStatus.Healthy);
        await Eventually.WaitForAsync(() => ReadinessAsync(http), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        proxy.GoDown();
        await Eventually.WaitForAsync(() => BrokerCheckAsync(health), status => status == HealthStatus.Unhealthy);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync(http));
        // What the old TCP probe saw: the port still takes connections.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, proxy.Port);
            Assert.True(tcp.Connected);
        }

        proxy.ComeBack();
        await Eventually.WaitForAsync(() => BrokerCheckAsync(health), status => status == HealthStatus.Healthy);
        await Eventually.WaitForAsync(() => ReadinessAsync(http), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_broker_that_refuses_the_services_login_is_not_ready_and_the_answer_does_not_carry_the_password()
    {
        var real = new Uri(TestInfrastructure.RabbitMq);
        var wrongPassword = new UriBuilder(real) { UserName = "guest", Password = "not-the-password" }.Uri.ToString();
        await using var probe = new BrokerProbeConnection(RabbitMqEndpoint.Parse(wrongPassword), "readiness-test");

        var failure = await probe.CheckAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(failure);
        Assert.Contains("login refused", failure);
        Assert.DoesNotContain("not-the-password", failure);
        await using var rightLogin = new BrokerProbeConnection(RabbitMqEndpoint.Parse(TestInfrastructure.RabbitMq), "readiness-test");
        Assert.Null(await rightLogin.CheckAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<HealthStatus> BrokerCheckAsync(ServiceUnderTest<HealthDbContext> service)
    {
        var report = await service.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Name == BrokerConnectionHealthCheck.Name, TestContext.Current.CancellationToken);
        return report.Entries[BrokerConnectionHealthCheck.Name].Status;
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
