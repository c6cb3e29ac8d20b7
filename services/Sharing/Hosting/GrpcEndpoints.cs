using Partnership.ServiceDefaults.Http;

namespace Partnership.Sharing.Hosting;

/// <summary>
/// With <c>Sharing:GrpcPort</c> set, the service adds an HTTP/2-only (h2c) port for gRPC beside its HTTP/1.1 URLs;
/// over TLS one Http1AndHttp2 port serves both (see <see cref="CleartextHttp2Port"/>).
/// </summary>
public static class GrpcEndpoints
{
    public const string GrpcPortSetting = "Sharing:GrpcPort";

    public static WebApplicationBuilder AddCleartextGrpcPort(this WebApplicationBuilder builder) =>
        builder.AddCleartextHttp2Port(GrpcPortSetting);
}
