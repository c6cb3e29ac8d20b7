using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults;

public static class HostingExtensions
{
    public const string LiveTag = "live";

    /// <summary>Log levels, telemetry, health checks, service discovery, resilient HTTP clients and RFC 7807 problem details.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPartnershipLoggingDefaults();
        builder.ConfigurePartnershipTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
            http.AddHttpMessageHandler<CorrelationIdDelegatingHandler>();
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<CorrelationIdDelegatingHandler>();
        builder.Services.AddPartnershipProblemDetails();
        return builder;
    }

    /// <summary>
    /// /health is readiness (every registered check: database, broker); /alive is liveness only.
    /// Both are anonymous so the orchestrator can probe them; they expose no data.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        return app;
    }

    /// <summary>The middleware every service runs first: correlation id and problem details for unhandled errors.</summary>
    public static WebApplication UsePartnershipDefaults(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
