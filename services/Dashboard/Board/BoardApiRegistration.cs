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
        services.AddHttpClient<BoardApiClient>(http => http.BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/"));
        return services;
    }
}
