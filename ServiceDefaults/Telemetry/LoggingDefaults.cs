using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Partnership.ServiceDefaults.Telemetry;

/// <summary>
/// The log levels every service starts from. Without them a service with no appsettings logged, at Information, each
/// outbox poll (EF Core's "Executed DbCommand", once a second) and each health probe (ASP.NET Core's request start and
/// end): about 0.8 kB a second of console output and OTLP log records per idle service, which the orchestrator and
/// the dashboard then carry, and which buried the services' own log lines.
/// </summary>
public static class LoggingDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    /// <summary>Adds <see cref="Levels"/> as the first configuration source, so appsettings, the environment and the command line override them.</summary>
    public static IHostApplicationBuilder AddPartnershipLoggingDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
