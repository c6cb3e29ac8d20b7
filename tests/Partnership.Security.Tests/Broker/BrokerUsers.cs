using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Partnership.Testing;

namespace Partnership.Security.Tests.Broker;

/// <summary>
/// Runs scripts/broker-permissions.sh against the test broker on a virtual host of its own, so the per-service users
/// and the queues of this test touch nothing else on the shared broker.
/// </summary>
public sealed class BrokerUsers : IAsyncDisposable
{
    private readonly Uri _broker;

    private BrokerUsers(Uri broker, string vhost, IReadOnlyDictionary<string, string> passwords)
    {
        _broker = broker;
        VirtualHost = vhost;
        Passwords = passwords;
    }

    public string VirtualHost { get; }
    public IReadOnlyDictionary<string, string> Passwords { get; }

    public string ManagementUrl => $"http://{_broker.Host}:{_broker.Port + 1}";

    public static async Task<BrokerUsers> CreateAsync(params string[] services)
    {
        var broker = new Uri(TestInfrastructure.RabbitMq);
        var vhost = $"security-{Guid.NewGuid():N}";
        var passwords = services.ToDictionary(s => s, _ => Guid.NewGuid().ToString("N"));
        var users = new BrokerUsers(broker, vhost, passwords);

        var start = new ProcessStartInfo("bash",
            [Path.Combine(TestInfrastructure.RepositoryRoot(), "scripts", "broker-permissions.sh"), "--vhost", vhost, "--services", string.Join(' ', services)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RABBITMQ_MANAGEMENT_URL"] = users.ManagementUrl;
        start.Environment["RABBITMQ_AMQP_PORT"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (service, password) in passwords)
        {
            start.Environment[$"BROKER_PASSWORD_{service.ToUpperInvariant().Replace('-', '_')}"] = password;
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"broker-permissions.sh failed: {errors}");
        }
        foreach (var service in services)
        {
            Assert.Contains($"{service} ConnectionStrings__messaging=amqp://{service}:", output);
            // A supplied password is never echoed: the AppHost shows this script's output on its dashboard.
            Assert.DoesNotContain(passwords[service], output);
        }
        return users;
    }

    /// <summary>The connection string the AppHost would give the service under per-service users.</summary>
    public string ConnectionString(string service) =>
        $"amqp://{service}:{Passwords[service]}@{_broker.Host}:{_broker.Port}/{Uri.EscapeDataString(VirtualHost)}";

    /// <summary>The broker administrator (guest on the loopback test broker), for arranging exchanges and queues.</summary>
    public string AdminConnectionString =>
        $"amqp://guest:guest@{_broker.Host}:{_broker.Port}/{Uri.EscapeDataString(VirtualHost)}";

    public async ValueTask DisposeAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        await http.DeleteAsync($"{ManagementUrl}/api/vhosts/{Uri.EscapeDataString(VirtualHost)}");
        foreach (var service in Passwords.Keys)
        {
            await http.DeleteAsync($"{ManagementUrl}/api/users/{service}");
        }
    }
}
