using FluentValidation;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Partnership.LeavingCare.Apis;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Demo;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<LeavingCareDbContext>("leavingcaredb");
builder.AddOutboxDispatcher<LeavingCareDbContext>();
builder.AddPartnershipMessaging();
builder.AddPartnershipAuthentication(PartnershipApis.LeavingCare.Audience);
builder.Services.AddAuthorizationBuilder().AddScopePolicies([.. PartnershipApis.LeavingCare.Scopes]);
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<IDemoDataSeeder<LeavingCareDbContext>, LeavingCareDemoSeeder>();
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
app.MapCareLeaversApi();
app.MapCareLeaverRecordsApi();

await app.MigrateDatabaseAsync<LeavingCareDbContext>();
await app.RunAsync();

public partial class Program;
