using Microsoft.Extensions.Http.Resilience;

namespace Partnership.Dashboard.Board;

public static class BoardApiRegistration
{
    /// <summary>
    /// Dashboard:BoardApi is the board API's base address: http://board through service discovery by default, or
    /// http://gateway to go through the gateway (the API paths are the same on both).
    /// </summary>
    public static IServiceCollection AddBoardApi(this IServiceCollection services, IConfiguration configuration)
    {
        var baseAddress = configuration["Dashboard:BoardApi"] ?? "http://board";
        var client = services.AddHttpClient<BoardApiClient>(http => http.BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/"));

        // Replaces the pipeline ServiceDefaults gives every client: the overview computes every indicator live and may
        // take longer than its 10 s attempt, and retrying would only triple the load. Entries are never retried.
#pragma warning disable EXTEXP0001 // An evaluation API, but the only way to take that shared pipeline off one client.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            options.Retry.DisableForUnsafeHttpMethods();
        });
        return services;
    }
}
