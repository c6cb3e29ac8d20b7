using System.Net.Http.Headers;
using System.Text;

namespace Partnership.Testing;

/// <summary>
/// A fresh RabbitMQ virtual host per service under test. Every consumer queue binds to the message-type exchanges, so
/// on a shared virtual host each test's service would also receive every other test's events; a virtual host of its
/// own gives each test exactly the traffic it causes.
/// </summary>
public static class RabbitMqVirtualHosts
{
    /// <summary>Creates the virtual host through the management plugin (listening on the AMQP port + 1, as scripts/infra.sh sets it up).</summary>
    public static async Task<string> CreateAsync(string prefix)
    {
        var amqp = new Uri(TestInfrastructure.RabbitMq);
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':', 2)[0]);
        var name = $"{prefix}-{Guid.NewGuid():N}";

        using var http = ManagementClient(amqp);
        (await http.PutAsync($"vhosts/{name}", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"permissions/{name}/{Uri.EscapeDataString(user)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        return new UriBuilder(amqp) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Deletes a virtual host made by <see cref="CreateAsync"/>, given the connection string it returned.</summary>
    public static async Task DeleteAsync(string connectionString)
    {
        var amqp = new Uri(connectionString);
        var name = amqp.AbsolutePath.TrimStart('/');
        using var http = ManagementClient(amqp);
        // Best effort: a broker that is already gone (the faults suite stops its own) leaves nothing to clean.
        try
        {
            await http.DeleteAsync($"vhosts/{Uri.EscapeDataString(name)}");
        }
        catch (HttpRequestException)
        {
        }
    }

    /// <summary>Deletes the virtual host when disposed: for a caller that shares it between several services.</summary>
    public static IAsyncDisposable DeletedOnDispose(string connectionString) => new Deletion(connectionString);

    private sealed class Deletion(string connectionString) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(DeleteAsync(connectionString));
    }

    private static HttpClient ManagementClient(Uri amqp)
    {
        var userInfo = amqp.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        var password = Uri.UnescapeDataString(userInfo.Length > 1 ? userInfo[1] : "");
        var http = new HttpClient { BaseAddress = new Uri($"http://{amqp.Host}:{amqp.Port + 1}/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }
}
