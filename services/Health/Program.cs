using FluentValidation;
using Partnership.Health.Apis;
using Partnership.Health.Data;
using Partnership.Health.Demo;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<HealthDbContext>("healthdb");
builder.AddOutboxDispatcher<HealthDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.Health.Audience);
builder.Services.AddAuthorizationBuilder()
    .AddScopePolicies([.. PartnershipApis.Health.Scopes])
    .AddHealthAgencyPolicies();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<IDemoDataSeeder<HealthDbContext>, HealthDemoSeeder>();
builder.Services.AddOpenApi();

var app = builder.Build();

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
app.MapAssessmentsApi();
app.MapHealthChecksApi();
app.MapCamhsReferralsApi();
app.MapHealthSummaryApi();

await app.MigrateDatabaseAsync<HealthDbContext>();
await app.RunAsync();

public partial class Program;
