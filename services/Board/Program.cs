using System.Text.Json.Serialization;
using MassTransit;
using Partnership.Board.Apis;
using Partnership.Board.Catalogue;
using Partnership.Board.Consumers;
using Partnership.Board.Data;
using Partnership.Board.Indicators;
using Partnership.Board.Pseudonymisation;
using Partnership.Board.Snapshots;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Persistence;
using Partnership.ServiceDefaults.Retention;
using Partnership.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnershipService<BoardDbContext>(PartnershipApis.Board, "boarddb",
    bus => bus.AddConsumers(typeof(HealthAssessmentCompletedConsumer).Assembly), publishesEvents: false);
builder.AddRetention<BoardDbContext>(BoardRetention.Policies);
var pseudonymKey = DevelopmentSecrets.Resolve(
    builder.Configuration, builder.Environment, PseudonymisationOptions.ConfigurationKey, PseudonymisationOptions.DevelopmentKey);
builder.Services.AddOptions<PseudonymisationOptions>().Configure(options => options.Key = pseudonymKey);
builder.Services.AddSingleton<ChildPseudonymiser>();
builder.Services.AddSingleton(_ => PlanCatalogue.LoadEmbedded());
builder.Services.AddScoped<IndicatorCalculator>();
builder.Services.AddScoped<IndicatorService>();
builder.Services.AddScoped<SnapshotRebuilder>();
builder.Services.AddStoredResults();
// Enums travel as their names (RAG status, polarity, trend), which is what the dashboard and CSV users read.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

app.UsePartnershipService();
app.MapIndicatorsApi();
app.MapManualValuesApi();
app.MapRebuildApi();

// Load the catalogue before taking traffic, so a malformed plan file stops the service at start-up.
_ = app.Services.GetRequiredService<PlanCatalogue>();
await app.MigrateDatabaseAsync<BoardDbContext>();
await app.RunAsync();

public partial class Program;
