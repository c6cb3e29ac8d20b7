using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Partnership.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP proxy that behaves like Aspire's DCP proxy in front of a dependency: while the dependency is "up" it pipes
/// each connection through; while it is "down" it still accepts every connection, then closes it, and the connections
/// it was piping are cut. A bare TCP connect therefore always succeeds, whatever is behind it.
/// </summary>
public sealed class SwitchableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public SwitchableTcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The dependency "dies": piped connections are cut, new ones are accepted and closed.</summary>
    public void GoDown()
    {
        _down = true;
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }
    }

    public void ComeBack() => _down = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var downstream = client;
        if (_down)
        {
            return;
        }
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort, _stopping.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return;
        }
        _open[downstream] = 0;
        _open[upstream] = 0;
        try
        {
            var a = downstream.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stopping.Token), b.CopyToAsync(a, _stopping.Token));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // One side went away; closing both ends is the point.
        }
        finally
        {
            _open.TryRemove(downstream, out _);
            _open.TryRemove(upstream, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        GoDown();
        await _accepting;
        _stopping.Dispose();
    }
}
