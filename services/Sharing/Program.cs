using MassTransit;
using Partnership.Sharing.Agreements;
using Partnership.Sharing.Apis;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Consumers;
using Partnership.Sharing.Data;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Grpc;
using Partnership.Sharing.Hosting;
using Partnership.Sharing.Routing;
using Partnership.ServiceDefaults;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Persistence;
using Partnership.ServiceDefaults.Security;

if (args.FirstOrDefault() == VerifyAuditCommand.Name)
{
    return await VerifyAuditCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddCleartextGrpcPort();
// Retention covers the outbox and inbox only: the audit chain is append-only and archived whole, never pruned row by
// row (docs/security.md).
builder.AddPartnershipService<SharingDbContext>(PartnershipApis.Sharing, "sharingdb", bus =>
{
    bus.AddConsumer<ChildEnteredCareConsumer>();
    bus.AddConsumer<MissingEpisodeStartedConsumer>();
    bus.AddConsumer<MissingEpisodeEndedConsumer>();
    bus.AddConsumer<ReturnInterviewRecordedConsumer>();
    bus.AddConsumer<HealthAssessmentCompletedConsumer>();
    bus.AddConsumer<SdqScoreRecordedConsumer>();
    bus.AddConsumer<CareLeaverContactRecordedConsumer>();
}).AddSharingPolicies();
var boardPseudonymKey = DevelopmentSecrets.Resolve(builder.Configuration, builder.Environment,
    SharingOptions.BoardPseudonymKeyConfigurationKey, SharingOptions.DevelopmentBoardPseudonymKey);
builder.Services.AddSharingDecisions(boardPseudonymKey);
builder.Services.AddScoped<AuditVerifier>();
builder.Services.AddScoped<AuditCheckpointWriter>();
builder.Services.AddSingleton<AuditCheckpointState>();
builder.Services.AddOptions<AuditCheckpointOptions>().BindConfiguration(AuditCheckpointOptions.Section);
builder.Services.AddHostedService<AuditCheckpointService>();
builder.Services.AddGrpc();

var app = builder.Build();

app.UsePartnershipService();
app.MapGrpcService<SharingGrpcService>();
app.MapInboxApi();
app.MapAuditAdminApi();

await app.MigrateDatabaseAsync<SharingDbContext>();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<AgreementLoader>().LoadAsync(app.Lifetime.ApplicationStopping);
}
await app.RunAsync();
return 0;

public partial class Program;
