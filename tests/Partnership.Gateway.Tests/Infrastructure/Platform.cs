using Partnership.ServiceDefaults.Auth;

namespace Partnership.Gateway.Tests.Infrastructure;

/// <summary>The identity stand-in and downstream echo services, shared by every test in the assembly.</summary>
public sealed class Platform : IAsyncLifetime
{
    public TestIdentityProvider Identity { get; } = new();
    public EchoServices Services { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Identity.StartAsync();
        await Services.StartAsync(PartnershipApis.All.Select(a => a.Service).Append("dashboard"), [PartnershipApis.Sharing.Service]);
    }

    /// <summary>Aspire-style discovery settings pointing each service name at its echo port, and identity at the stand-in.</summary>
    public Dictionary<string, string?> DiscoverySettings()
    {
        // An echo named "<service>-grpc" is that service's gRPC endpoint, which Aspire publishes as services:<service>:grpc:0.
        var settings = Services.Urls.ToDictionary(
            s => s.Key.EndsWith(EchoServices.GrpcSuffix, StringComparison.Ordinal)
                ? $"services:{s.Key[..^EchoServices.GrpcSuffix.Length]}:grpc:0"
                : $"services:{s.Key}:http:0",
            s => (string?)s.Value);
        settings["services:identity:http:0"] = Identity.Issuer;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
