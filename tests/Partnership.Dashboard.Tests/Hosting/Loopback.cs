using System.Net;
using System.Net.Sockets;

namespace Partnership.Dashboard.Tests.Hosting;

public static class Loopback
{
    /// <summary>The address a service on <paramref name="port"/> is reached at, by the browser and by the other services alike.</summary>
    public static Uri AddressOf(int port) => new($"http://localhost:{port}");

    /// <summary>
    /// A port nobody listens on now. Services must know each other's addresses (the issuer, the redirect URI) before any
    /// of them starts, so ports are chosen up front.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
