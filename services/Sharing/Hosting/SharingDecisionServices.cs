using Partnership.Sharing.Consumers;
using Partnership.Sharing.Agreements;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Routing;

namespace Partnership.Sharing.Hosting;

public static class SharingDecisionServices
{
    /// <summary>
    /// What takes and records sharing decisions (rules, agreements, consents, the audit chain, routing of events), on
    /// whatever SharingDbContext the host registers: the service itself, and the bench's in-process baseline, which
    /// must decide and write exactly what the service does.
    /// </summary>
    public static IServiceCollection AddSharingDecisions(this IServiceCollection services, string boardPseudonymKey)
    {
        services.AddOptions<SharingOptions>().Configure(options => options.BoardPseudonymKey = boardPseudonymKey);
        services.AddScoped<AuditLog>();
        services.AddScoped<DecisionService>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<ShareRouter>();
        services.AddScoped<SharingBatch>();
        services.AddScoped<ChildAgeRecorder>();
        services.AddScoped<HealthAssessmentSharing>();
        services.AddScoped<MissingEpisodeSharing>();
        services.AddScoped<AgreementLoader>();
        services.AddSingleton<AgreementCatalog>();
        return services;
    }
}
