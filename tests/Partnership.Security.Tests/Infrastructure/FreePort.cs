using System.Net;
using System.Net.Sockets;

namespace Partnership.Security.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now, for a server whose ports must be known before it starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
