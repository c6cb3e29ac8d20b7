using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Partnership.ServiceDefaults.Retention;
using Scalar.AspNetCore;

namespace Partnership.ServiceDefaults;

/// <summary>
/// The composition every domain service shares, so a service's Program.cs holds only what is its own: its API
/// catalogue entry, database, consumers, extra policies and endpoints.
/// </summary>
public static class PartnershipServiceExtensions
{
    /// <summary>
    /// Service defaults, the service's own database with the outbox dispatcher and the outbox/inbox retention,
    /// messaging, token validation for the API's audience with one policy per scope, the assembly's validators and the
    /// OpenAPI document.
    /// Returns the authorization builder so a service can add its agency policies.
    /// </summary>
    /// <param name="publishesEvents">False for a service that only consumes (the board): no outbox dispatcher polls its
    /// empty outbox.</param>
    public static AuthorizationBuilder AddPartnershipService<TDbContext>(
        this WebApplicationBuilder builder,
        PartnershipApis.Api api,
        string connectionName,
        Action<IBusRegistrationConfigurator>? consumers = null,
        bool publishesEvents = true)
        where TDbContext : DbContext
    {
        builder.AddServiceDefaults();
        builder.AddPartnershipDbContext<TDbContext>(connectionName);
        if (publishesEvents)
        {
            builder.AddOutboxDispatcher<TDbContext>();
        }
        builder.AddRetention<TDbContext>(OutboxInboxRetention.Policies);
        builder.AddPartnershipMessaging(consumers);
        builder.AddPartnershipAuthentication(api.Audience);
        builder.Services.AddValidatorsFromAssembly(typeof(TDbContext).Assembly);
        builder.Services.AddOpenApi();
        return builder.Services.AddAuthorizationBuilder().AddScopePolicies([.. api.Scopes]);
    }

    public static IServiceCollection AddDemoSeeder<TDbContext, TSeeder>(this IServiceCollection services)
        where TDbContext : DbContext
        where TSeeder : class, IDemoDataSeeder<TDbContext> =>
        services.AddScoped<IDemoDataSeeder<TDbContext>, TSeeder>();

    /// <summary>Correlation ids, problem details, authentication, the health endpoints and (in Development) the API reference.</summary>
    public static WebApplication UsePartnershipService(this WebApplication app)
    {
        app.UsePartnershipDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.Environment.IsDevelopment())
        {
            // API documentation is open only on developer machines; in production it sits behind the gateway's authentication.
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>Migrates (and seeds demo data) before taking traffic, then runs.</summary>
    public static async Task RunPartnershipServiceAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await app.MigrateDatabaseAsync<TDbContext>();
        await app.RunAsync();
    }
}
