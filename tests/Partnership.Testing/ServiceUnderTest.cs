using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.Testing;

/// <summary>
/// A Partnership service hosted in-process with its own fresh database, the real RabbitMQ, and token validation
/// against the in-process identity service. <typeparamref name="TEntryPoint"/> is any public type of the service.
/// </summary>
public sealed class ServiceUnderTest<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IdentityHost _identity;
    private readonly string _connectionName;
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _messaging;
    private bool _ownsVirtualHost;
    private bool _databaseDropped;

    /// <param name="ownsMessaging">The virtual host in <paramref name="messaging"/> was made for this service alone
    /// (<see cref="RabbitMqVirtualHosts.CreateAsync"/>) and is deleted with it.</param>
    public ServiceUnderTest(IdentityHost identity, string connectionName, string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        string? messaging = null, bool ownsMessaging = false)
    {
        _identity = identity;
        _connectionName = connectionName;
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
        _messaging = messaging ?? TestInfrastructure.RabbitMq;
        _ownsVirtualHost = ownsMessaging && messaging is not null;
    }

    /// <summary>The AMQP connection string this service uses (its own virtual host when started with StartAsync).</summary>
    public string Messaging => _messaging;

    public string ConnectionString => _connectionString;

    public static async Task<ServiceUnderTest<TEntryPoint>> StartAsync(IdentityHost identity, string connectionName, IReadOnlyDictionary<string, string>? settings = null)
    {
        var service = new ServiceUnderTest<TEntryPoint>(identity, connectionName, await TestInfrastructure.CreateDatabaseAsync(connectionName), settings,
            await RabbitMqVirtualHosts.CreateAsync(connectionName), ownsMessaging: true);
        _ = service.Server;
        return service;
    }

    /// <summary>
    /// Stops the service, then drops the database it was given (every caller hands it a fresh one) and deletes the
    /// virtual host made for it alone (by <see cref="StartAsync"/>, or passed in with ownsMessaging; one shared with
    /// other services still running is left to its maker): a development broker otherwise keeps every test run's virtual hosts (and takes minutes to boot
    /// once it has a few hundred), and a development server every test class's database.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsVirtualHost)
        {
            _ownsVirtualHost = false;
            await RabbitMqVirtualHosts.DeleteAsync(_messaging);
        }
        if (!_databaseDropped)
        {
            _databaseDropped = true;
            await TestInfrastructure.DropDatabaseAsync(_connectionString);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{_connectionName}", _connectionString);
        builder.UseSetting("ConnectionStrings:messaging", _messaging);
        builder.UseSetting("Messaging:ServiceName", $"{_connectionName}-{Guid.NewGuid():N}"[..24]);
        builder.UseSetting("Identity:Url", IdentityHost.Issuer);
        builder.UseSetting("Identity:Issuer", IdentityHost.Issuer);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        // Tests date rows freely (years back); the retention job would prune them mid-test. Retention tests opt back in.
        builder.UseSetting("Retention:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // Configure (not PostConfigure): JwtBearer builds its metadata manager from the handler in its own post-configure step.
        builder.ConfigureServices(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.BackchannelHttpHandler = _identity.BackchannelHandler()));
    }

    /// <summary>An HTTP client carrying a real token of the given development client (or none).</summary>
    public async Task<HttpClient> ClientAsync(string? clientId, string? scope = null)
    {
        var http = CreateClient();
        if (clientId is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _identity.TokenAsync(clientId, scope));
        }
        return http;
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
