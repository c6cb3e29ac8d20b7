using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Partnership.Identity.Data;

namespace Partnership.Testing;

/// <summary>
/// The real identity service, in-process on its own PostgreSQL database, issuing real tokens with the development
/// clients. Services under test validate against it through <see cref="BackchannelHandler"/>.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public const string Issuer = "http://identity.test";

    private readonly WebApplicationFactory<IdentityDbContext> _factory;
    private readonly string _connectionString;

    private IdentityHost(WebApplicationFactory<IdentityDbContext> factory, string connectionString)
    {
        _factory = factory;
        _connectionString = connectionString;
    }

    public static async Task<IdentityHost> StartAsync()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync("identity");
        var factory = new WebApplicationFactory<IdentityDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:identitydb", connectionString);
            builder.UseSetting("Identity:Issuer", Issuer);
            builder.UseSetting("Identity:AllowHttp", "true");
            // The test suites ask for many tokens quickly; the production limits are tested in the identity suite.
            builder.UseSetting("Identity:RateLimits:TokenRequestsPerMinute", "100000");
        });
        _ = factory.Server;
        return await Task.FromResult(new IdentityHost(factory, connectionString));
    }

    /// <summary>The identity service's own services, for tests that register extra clients (see <see cref="TestClients"/>).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Routes JwtBearer's metadata and JWKS requests to this in-process server.</summary>
    public HttpMessageHandler BackchannelHandler() => _factory.Server.CreateHandler();

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Issuer) });

    /// <summary>A client-credentials token for one of the seeded development clients.</summary>
    public async Task<string> TokenAsync(string clientId, string? scope = null)
    {
        using var http = CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"{clientId}-dev-secret",
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Stops the server and drops its database, as <see cref="ServiceUnderTest{TEntryPoint}"/> does.</summary>
    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestInfrastructure.DropDatabaseAsync(_connectionString);
    }
}
