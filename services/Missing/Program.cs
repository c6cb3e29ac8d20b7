using FluentValidation;
using Partnership.Missing.Apis;
using Partnership.Missing.Data;
using Partnership.Missing.Demo;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<MissingDbContext>("missingdb");
builder.AddOutboxDispatcher<MissingDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.Missing.Audience);
builder.Services.AddAuthorizationBuilder()
    .AddScopePolicies([.. PartnershipApis.Missing.Scopes])
    .AddMissingAgencyPolicies();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<IDemoDataSeeder<MissingDbContext>, MissingDemoSeeder>();
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
app.MapEpisodesApi();
app.MapReturnInterviewsApi();

await app.MigrateDatabaseAsync<MissingDbContext>();
await app.RunAsync();

public partial class Program;
