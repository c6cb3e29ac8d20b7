using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        foreach (var service in services)
        {
            _serviceByPort[FreePort()] = service;
        }
        foreach (var service in grpcServices ?? [])
        {
            var port = FreePort();
            _serviceByPort[port] = service + GrpcSuffix;
            _http2Ports.Add(port);
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed record EchoedRequest(string Service, string Method, string Path, string CorrelationId, string Authorization, long BodyBytes, string Protocol);
