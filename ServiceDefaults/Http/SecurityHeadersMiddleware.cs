using Microsoft.AspNetCore.Http;

namespace Partnership.ServiceDefaults.Http;

/// <summary>
/// Response headers every service and the gateway send. Responses carry children's data: browsers must not sniff a
/// JSON or CSV body into something executable, frame a page, leak URLs (which can hold child keys) in a Referer, or
/// cache an API answer on a shared machine.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
            if (((HttpContext)state).Request.Path.StartsWithSegments("/api") && !response.Headers.ContainsKey("Cache-Control"))
            {
                response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
