using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Partnership.Gateway.Proxy;

/// <summary>
/// Refuses a request whose declared length exceeds its route's limit before a single byte is forwarded, so the
/// service never sees a half-sent upload. Chunked bodies are still cut off by the server's limit, which YARP sets
/// per route from the same <c>MaxRequestBodySize</c>.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, ILogger<RequestBodyLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        var limit = route.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;

        if (limit is > 0 && context.Request.ContentLength > limit)
        {
            logger.LogWarning("Refused {ContentLength} byte body on route {RouteId}: limit is {Limit} bytes",
                context.Request.ContentLength, route.RouteId, limit);
            await GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"This endpoint accepts request bodies of at most {limit} bytes.");
            return;
        }

        await next(context);
    }
}
