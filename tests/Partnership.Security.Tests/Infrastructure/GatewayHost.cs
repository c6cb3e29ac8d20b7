using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Gateway;
using Partnership.Testing;

namespace Partnership.Security.Tests.Infrastructure;

/// <summary>
/// The real gateway on real Kestrel ports: its ordinary HTTP/1.1 port and its HTTP/2-only gRPC port, validating tokens
/// against the in-process identity service, and routing by Aspire-style discovery settings to services on real sockets.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<GatewayOptions>
{
    private readonly IdentityHost _identity;
    private readonly IReadOnlyDictionary<string, string> _discovery;

    public GatewayHost(IdentityHost identity, IReadOnlyDictionary<string, string> discovery)
    {
        _identity = identity;
        _discovery = discovery;
        var ports = LoopbackPorts.Reserve(2);
        (HttpPort, GrpcPort) = (ports[0], ports[1]);
        // No fixed port here: the gateway binds its own URL and its gRPC port, as under the AppHost.
        UseKestrel();
    }

    public int HttpPort { get; }
    public int GrpcPort { get; }
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", $"http://127.0.0.1:{HttpPort}");
        builder.UseSetting("Gateway:GrpcPort", GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:Url", IdentityHost.Issuer);
        builder.UseSetting("Identity:Issuer", IdentityHost.Issuer);
        foreach (var (key, value) in _discovery)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.BackchannelHttpHandler = _identity.BackchannelHandler()));
    }
}
