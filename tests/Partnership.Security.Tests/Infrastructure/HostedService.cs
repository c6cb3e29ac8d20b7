using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Partnership.Testing;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>
/// One service under test seen without its entry-point type, so tables of services can be iterated. The host is a
/// <see cref="ServiceUnderTest{TEntryPoint}"/>: real identity, a fresh PostgreSQL database and the real broker.
/// </summary>
public sealed class HostedService(string name, string audience, string connectionString, TestServer server,
    Func<HttpClient> createClient, IAsyncDisposable host) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string Audience { get; } = audience;
    public string ConnectionString { get; } = connectionString;
    public TestServer Server { get; } = server;
    public IServiceProvider Services => Server.Services;

    public HttpClient CreateClient() => createClient();

    public static async Task<HostedService> StartAsync<TEntryPoint>(IdentityHost identity, string name, string audience,
        string connectionName, IReadOnlyDictionary<string, string>? settings = null) where TEntryPoint : class
    {
        var host = await ServiceUnderTest<TEntryPoint>.StartAsync(identity, connectionName, settings);
        return new HostedService(name, audience, host.ConnectionString, host.Server,
            () => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), host);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
