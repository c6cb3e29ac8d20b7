using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Partnership.ServiceDefaults.Http;

public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddPartnershipProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            if (ctx.HttpContext.Items[CorrelationId.ItemKey] is string id)
            {
                ctx.ProblemDetails.Extensions["correlationId"] = id;
            }
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
        });
}
