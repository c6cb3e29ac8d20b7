using MassTransit;
using Partnership.Board.Apis;
using Partnership.Board.Consumers;
using Partnership.Board.Data;
using Partnership.Board.Indicators;
using Partnership.Board.Pseudonymisation;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Messaging;
using Partnership.ServiceDefaults.Persistence;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPartnershipDbContext<BoardDbContext>("boarddb");
builder.AddPartnershipMessaging(bus => bus.AddConsumer<HealthAssessmentCompletedConsumer>(typeof(HealthAssessmentCompletedConsumerDefinition)));
builder.AddPartnershipAuthentication(PartnershipApis.Board.Audience);
builder.Services.AddAuthorizationBuilder().AddScopePolicies([.. PartnershipApis.Board.Scopes]);
builder.Services.AddOptions<PseudonymisationOptions>().BindConfiguration("Board:Pseudonymisation");
builder.Services.AddSingleton<ChildPseudonymiser>();
builder.Services.AddScoped<HealthAssessmentTimeliness>();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UsePartnershipDefaults();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    // API documentation is open only on developer machines.
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}
app.MapDefaultEndpoints();
app.MapIndicatorsApi();

await app.MigrateDatabaseAsync<BoardDbContext>();
await app.RunAsync();

public partial class Program;
