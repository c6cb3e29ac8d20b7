using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Partnership.Dashboard.Tests.Hosting;

/// <summary>
/// A service hosted in-process on a real loopback port, so a browser can reach it and services call each other over
/// real HTTP. <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public sealed class KestrelService<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private KestrelService(int port, string environment, IReadOnlyDictionary<string, string> settings)
    {
        Port = port;
        _environment = environment;
        _settings = settings;
    }

    public int Port { get; }

    public Uri BaseUri => Loopback.AddressOf(Port);

    public static KestrelService<TEntryPoint> Start(int port, string environment, IReadOnlyDictionary<string, string> settings)
    {
        var service = new KestrelService<TEntryPoint>(port, environment, settings);
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
    }
}
