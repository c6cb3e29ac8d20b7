using System.Net;
using System.Net.Sockets;

namespace Partnership.Testing;

/// <summary>
/// Loopback ports for servers whose addresses must be known before they start (an issuer, a redirect URI, a
/// discovery entry). Compiled into test projects that do not reference this library as a linked file.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports nothing listens on now. All are held open until every one is chosen:
    /// taking them one at a time lets the system hand a released port out again, and two servers then share one port
    /// (or, keyed by port, one of them silently disappears).
    /// </summary>
    public static int[] Reserve(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
