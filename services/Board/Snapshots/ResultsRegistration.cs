namespace Partnership.Board.Snapshots;

public static class ResultsRegistration
{
    /// <summary>Stored results, kept current by the refresher as fact changes commit.</summary>
    public static IServiceCollection AddStoredResults(this IServiceCollection services)
    {
        services.AddOptions<ResultsOptions>().BindConfiguration("Board:Results");
        services.AddSingleton<ResultCache>();
        services.AddScoped<ResultStore>();
        services.AddHostedService<FactChangeListener>();
        services.AddHostedService<ResultRefresher>();
        return services;
    }
}
