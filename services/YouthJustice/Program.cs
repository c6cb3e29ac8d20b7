using FluentValidation;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Partnership.YouthJustice.Apis;
using Partnership.YouthJustice.Data;
using Partnership.YouthJustice.Demo;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<YouthJusticeDbContext>("youthjusticedb");
builder.AddOutboxDispatcher<YouthJusticeDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.YouthJustice.Audience);
builder.Services.AddAuthorizationBuilder()
    .AddScopePolicies([.. PartnershipApis.YouthJustice.Scopes])
    .AddYouthJusticeAgencyPolicies();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<IDemoDataSeeder<YouthJusticeDbContext>, YouthJusticeDemoSeeder>();
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
app.MapOutcomesApi();

await app.MigrateDatabaseAsync<YouthJusticeDbContext>();
await app.RunAsync();

public partial class Program;
