using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Testing;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>
/// One service under test seen without its entry-point type, so tables of services can be iterated. The host is a
/// <see cref="ServiceUnderTest{TEntryPoint}"/>: real identity, a fresh PostgreSQL database and the real broker.
/// </summary>
public sealed class HostedService(string name, string audience, string connectionString, TestServer? server,
    IServiceProvider services, Func<HttpClient> createClient, IAsyncDisposable host) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string Audience { get; } = audience;
    public string ConnectionString { get; } = connectionString;
    /// <summary>The in-memory test server, or null when the service runs on Kestrel.</summary>
    public TestServer? Server { get; } = server;
    public IServiceProvider Services { get; } = services;

    public HttpClient CreateClient() => createClient();

    public static async Task<HostedService> StartAsync<TEntryPoint>(IdentityHost identity, string name, string audience,
        string connectionName, IReadOnlyDictionary<string, string>? settings = null, bool kestrel = false,
        Action<IServiceCollection>? configureServices = null) where TEntryPoint : class
    {
        if (kestrel)
        {
            // A dynamic port from configuration, not UseKestrel(0): that overload rewrites the server's addresses after the
            // host is built, racing the entry point that is already starting it.
            settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["urls"] = "http://127.0.0.1:0" };
        }
        var service = new ServiceUnderTest<TEntryPoint>(identity, connectionName, await TestInfrastructure.CreateDatabaseAsync(connectionName), settings);
        // WithWebHostBuilder runs the service's own test configuration first, then this test's additions (a log sink).
        var host = configureServices is null ? service : service.WithWebHostBuilder(b => b.ConfigureServices(configureServices));
        if (kestrel)
        {
            // A real socket server, so Kestrel's own limits (request body size) apply as in production.
            host.UseKestrel();
        }
        host.StartServer();
        return new HostedService(name, audience, service.ConnectionString, kestrel ? null : host.Server, host.Services,
            // On Kestrel the factory's own client options carry the socket address it bound.
            () => kestrel ? host.CreateClient() : host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), service);
    }

    /// <summary>Disposes the original factory, which also disposes any factory WithWebHostBuilder derived from it.</summary>
    public ValueTask DisposeAsync() => host.DisposeAsync();
}
