namespace Partnership.Testing;

/// <summary>
/// One identity service and one service under test shared by every test of a class (xunit class fixture), so a suite
/// does not pay for a new identity database and host per test. Tests sharing it use their own child keys.
/// </summary>
public abstract class ServiceFixture<TEntryPoint>(string connectionName) : IAsyncLifetime where TEntryPoint : class
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceUnderTest<TEntryPoint> Service { get; private set; } = null!;

    /// <summary>Extra configuration for the service under test.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Service = await ServiceUnderTest<TEntryPoint>.StartAsync(Identity, connectionName, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    public Task<HttpClient> ClientAsync(string? clientId, string? scope = null) => Service.ClientAsync(clientId, scope);
}
