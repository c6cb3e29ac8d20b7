namespace Partnership.Identity.Endpoints;

public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTokenEndpoint();
        endpoints.MapAuthorizeEndpoint();
        endpoints.MapEndSessionEndpoint();
        endpoints.MapUserInfoEndpoint();
        endpoints.MapLoginPage();
        endpoints.MapGet("/", () => Results.Text("Partnership identity service")).ExcludeFromDescription();
        return endpoints;
    }
}
