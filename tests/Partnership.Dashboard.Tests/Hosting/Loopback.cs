namespace Partnership.Dashboard.Tests.Hosting;

public static class Loopback
{
    /// <summary>The address a service on <paramref name="port"/> is reached at, by the browser and by the other services alike.</summary>
    public static Uri AddressOf(int port) => new($"http://localhost:{port}");
}
