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

    /// <remarks>
    /// The port comes from <c>urls</c> (a dynamic loopback port unless a test names its own), not from
    /// <c>UseKestrel(port)</c>: that overload rewrites the server's addresses between the host being built and started,
    /// while the entry point may already be starting it, and then fails ("Addresses cannot be modified after the server
    /// has started"). Binding from configuration also lets the gateway add its own gRPC port as it does under the AppHost.
    /// </remarks>
    public GatewayFactory(Platform platform, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _platform = platform;
        _overrides = overrides ?? new Dictionary<string, string?>();
        UseKestrel();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = _platform.DiscoverySettings();
        settings["urls"] = "http://127.0.0.1:0";
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
