using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Partnership.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway on a real Kestrel port (so server body limits and client addresses behave as in production),
/// configured the way the AppHost configures it.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Platform _platform;
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    public GatewayFactory(Platform platform, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _platform = platform;
        _overrides = overrides ?? new Dictionary<string, string?>();
        UseKestrel(0);
    }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = _platform.DiscoverySettings();
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:Yarp"] = "Information";
        foreach (var (key, value) in _overrides)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>The gateway with its production defaults, shared by a test class.</summary>
public sealed class DefaultGateway(Platform platform) : GatewayFactory(platform);
