using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Partnership.Sharing.Hosting;

/// <summary>
/// gRPC needs HTTP/2. Over TLS one port serves both protocols (ALPN picks per connection), which is what the
/// Http1AndHttp2 endpoint default in appsettings.json gives. Over plain http there is no negotiation: a port speaks
/// HTTP/1.1 or cleartext HTTP/2 with prior knowledge (h2c), never both. So when Sharing:GrpcPort is set, the service
/// keeps its configured URLs (REST, /health, /alive over HTTP/1.1) and adds an HTTP/2-only port for gRPC callers.
/// </summary>
public static class GrpcEndpoints
{
    public const string GrpcPortSetting = "Sharing:GrpcPort";

    public static WebApplicationBuilder AddCleartextGrpcPort(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>(GrpcPortSetting) is not { } grpcPort)
        {
            return builder;
        }

        // Listening in code replaces the URLs Kestrel would have bound, so they are bound here again.
        var urls = (builder.Configuration["urls"] ?? "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in urls)
            {
                var address = BindingAddress.Parse(url);
                if (address.Port == grpcPort)
                {
                    continue;
                }
                Listen(kestrel, address, HttpProtocols.Http1AndHttp2);
            }
            kestrel.ListenAnyIP(grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, HttpProtocols protocols)
    {
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions> configure = listen =>
        {
            listen.Protocols = protocols;
            if (address.Scheme == "https")
            {
                listen.UseHttps();
            }
        };
        if (address.Host is "localhost")
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, configure);
        }
    }
}
