using System.Globalization;
using Grpc.Net.Client;
using Partnership.Security.Tests.Infrastructure;
using Partnership.Sharing.Data;
using Partnership.Testing;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>
/// Real identity, the sharing service on Kestrel with its HTTP/2-only gRPC port, and the gateway in front of it with
/// its own gRPC port: the path an agency system's gRPC call takes under the AppHost, with every caller's real token.
/// </summary>
public sealed class GrpcThroughGatewayFixture : IAsyncLifetime
{
    private ServiceUnderTest<SharingDbContext>? _sharing;

    public IdentityHost Identity { get; private set; } = null!;
    public IReadOnlyList<Caller> Callers { get; private set; } = [];
    public GatewayHost Gateway { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.StartAsync();
        Callers = await AuthorisationFixture.CallersAsync(Identity);

        var ports = LoopbackPorts.Reserve(2);
        var (sharingHttp, sharingGrpc) = (ports[0], ports[1]);
        _sharing = new ServiceUnderTest<SharingDbContext>(Identity, "sharingdb", await TestInfrastructure.CreateDatabaseAsync("sharingdb"),
            new Dictionary<string, string>
            {
                ["urls"] = $"http://127.0.0.1:{sharingHttp}",
                ["Sharing:GrpcPort"] = sharingGrpc.ToString(CultureInfo.InvariantCulture),
            },
            await RabbitMqVirtualHosts.CreateAsync("sharingdb"), ownsMessaging: true);
        _sharing.UseKestrel();
        _sharing.StartServer();

        Gateway = new GatewayHost(Identity, new Dictionary<string, string>
        {
            ["services:sharing:http:0"] = $"http://127.0.0.1:{sharingHttp}",
            ["services:sharing:grpc:0"] = $"http://127.0.0.1:{sharingGrpc}",
            ["services:identity:http:0"] = IdentityHost.Issuer,
        });
        Gateway.StartServer();
        Channel = GrpcChannel.ForAddress(Gateway.GrpcAddress);
    }

    /// <summary>A raw HTTP/2 client on the gateway's gRPC port, for probes that read the HTTP status itself.</summary>
    public HttpClient CreateHttp2Client() => new() { BaseAddress = Gateway.GrpcAddress };

    public Caller Caller(string name) => Callers.Single(c => c.Name == name);

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        if (_sharing is not null)
        {
            await _sharing.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }
}
