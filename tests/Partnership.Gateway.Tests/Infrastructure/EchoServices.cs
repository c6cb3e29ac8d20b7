using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Partnership.Testing;

namespace Partnership.Gateway.Tests.Infrastructure;

/// <summary>
/// A real downstream HTTP app standing in for every service: one Kestrel port per service name, so the port a request
/// arrives on says which service the gateway chose. Each request is recorded and echoed back as JSON.
/// </summary>
public sealed class EchoServices : IAsyncDisposable
{
    private readonly Dictionary<int, string> _serviceByPort = [];
    private WebApplication? _app;

    public ConcurrentQueue<EchoedRequest> Received { get; } = new();

    /// <summary>Every path that reached a service, recorded on arrival (before its body is read) to catch partial forwards.</summary>
    public ConcurrentQueue<string> Arrived { get; } = new();

    private readonly HashSet<int> _http2Ports = [];

    public IReadOnlyDictionary<string, string> Urls => _serviceByPort.ToDictionary(p => p.Value, p => $"http://127.0.0.1:{p.Key}");

    /// <summary>Suffix of the echo that stands for a service's HTTP/2-only gRPC endpoint ("sharing-grpc").</summary>
    public const string GrpcSuffix = "-grpc";

    /// <param name="grpcServices">Services that also get an HTTP/2-only (h2c) port, as the sharing service has for gRPC.</param>
    public async Task StartAsync(IEnumerable<string> services, IEnumerable<string>? grpcServices = null)
    {
        var grpc = (grpcServices ?? []).ToList();
        var names = services.Concat(grpc.Select(s => s + GrpcSuffix)).ToList();
        // Keyed by port: two services handed one port would leave the first out of discovery (CI saw "missing:80").
        var ports = LoopbackPorts.Reserve(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            _serviceByPort.Add(ports[i], names[i]);
            if (names[i].EndsWith(GrpcSuffix, StringComparison.Ordinal))
            {
                _http2Ports.Add(ports[i]);
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            foreach (var port in _serviceByPort.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port, o => o.Protocols = _http2Ports.Contains(port) ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2);
            }
        });
        _app = builder.Build();
        _app.Run(async context =>
        {
            Arrived.Enqueue(context.Request.Path.ToString());
            long bodyBytes = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                bodyBytes += read;
            }

            var echoed = new EchoedRequest(
                _serviceByPort[context.Connection.LocalPort],
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers["X-Correlation-Id"].ToString(),
                context.Request.Headers.Authorization.ToString(),
                bodyBytes,
                context.Request.Protocol);
            Received.Enqueue(echoed);
            // Services echo the correlation id too; the gateway must not end up sending it twice.
            context.Response.Headers["X-Correlation-Id"] = echoed.CorrelationId;
            await context.Response.WriteAsJsonAsync(echoed);
        });
        await _app.StartAsync();
    }

    public bool SawPath(string pathFragment) => Arrived.Any(p => p.Contains(pathFragment, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed record EchoedRequest(string Service, string Method, string Path, string CorrelationId, string Authorization, long BodyBytes, string Protocol);
