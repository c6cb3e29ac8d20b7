using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.Dashboard.Tests.Hosting;

/// <summary>
/// A service hosted in-process on a real loopback port, so a browser can reach it and services call each other over
/// real HTTP. <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public sealed class KestrelService<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    private KestrelService(int port, string environment, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services)
    {
        Port = port;
        _environment = environment;
        _settings = settings;
        _services = services;
    }

    public int Port { get; }

    public Uri BaseUri => Loopback.AddressOf(Port);

    /// <param name="services">Test-only additions after the service's own registrations (a moved clock, an observer).</param>
    public static KestrelService<TEntryPoint> Start(
        int port, string environment, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        var service = new KestrelService<TEntryPoint>(port, environment, settings, services);
        service.UseKestrel(port);
        service.StartServer();
        return service;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
