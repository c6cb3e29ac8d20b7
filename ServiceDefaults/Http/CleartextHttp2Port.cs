using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Partnership.ServiceDefaults.Http;

/// <summary>
/// gRPC needs HTTP/2. Over TLS one port serves both protocols (ALPN picks per connection). Over plain http there is
/// no negotiation: Kestrel answers HTTP/2 on an Http1AndHttp2 port with HTTP_1_1_REQUIRED, so a port speaks HTTP/1.1 or
/// cleartext HTTP/2 with prior knowledge (h2c), never both. When the given setting names a port, the app keeps its
/// configured URLs (REST, /health, /alive over HTTP/1.1) and adds an HTTP/2-only port for gRPC callers.
/// </summary>
public static class CleartextHttp2Port
{
    public static WebApplicationBuilder AddCleartextHttp2Port(this WebApplicationBuilder builder, string portSetting)
    {
        if (builder.Configuration.GetValue<int?>(portSetting) is not { } http2Port)
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
                if (address.Port == http2Port)
                {
                    continue;
                }
                Listen(kestrel, address, HttpProtocols.Http1AndHttp2);
            }
            kestrel.ListenAnyIP(http2Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, HttpProtocols protocols)
    {
        Action<ListenOptions> configure = listen =>
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
