using Microsoft.Extensions.Configuration;

namespace Partnership.AppHost;

/// <summary>
/// The knobs under the <c>Partnership</c> configuration section. Ports and the state directory are configurable so a
/// second AppHost (the AppHost tests) can run beside a developer's without the two fighting over epmd or data files.
/// </summary>
internal sealed record PlatformOptions(
    bool UseContainers,
    bool SeedDemoData,
    int? GatewayPort,
    bool FixedServicePorts,
    string StateDirectory,
    int EpmdPort,
    int ErlangDistributionPort,
    string? PostgresBinDirectory,
    string RepositoryRoot,
    string ServiceEnvironment)
{
    public const string Section = "Partnership";

    public static PlatformOptions From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var stateDirectory = section["StateDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repoRoot)
            : Path.Combine(repoRoot, ".state", "apphost");
        // 0 means "let Aspire pick", which tests use; 5080 is what the README's curl lines assume.
        var gatewayPort = section.GetValue("GatewayPort", 5080);
        // Away from the Erlang default (4369, used by a system RabbitMQ), from scripts/infra.sh (24369) and below the
        // kernel's ephemeral range (32768+), where any outgoing connection could already hold it.
        var epmdPort = section.GetValue("EpmdPort", 24371);

        return new PlatformOptions(
            UseContainers: section.GetValue("UseContainers", false),
            SeedDemoData: section.GetValue("SeedDemoData", true),
            GatewayPort: gatewayPort > 0 ? gatewayPort : null,
            // False drops the ports services' launch profiles fix (identity's 5001), so a second AppHost can run.
            FixedServicePorts: section.GetValue("FixedServicePorts", true),
            StateDirectory: stateDirectory,
            EpmdPort: epmdPort,
            ErlangDistributionPort: section.GetValue("ErlangDistributionPort", epmdPort + 1),
            PostgresBinDirectory: section["PostgresBinDirectory"],
            RepositoryRoot: repoRoot,
            // The AppHost runs the platform on a developer's or CI machine; services without a launch profile would
            // otherwise start as Production and (rightly) refuse the built-in development secrets.
            ServiceEnvironment: section["ServiceEnvironment"] is { Length: > 0 } environment ? environment : "Development");
    }
}
