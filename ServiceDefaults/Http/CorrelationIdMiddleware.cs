using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Partnership.ServiceDefaults.Http;

/// <summary>
/// Takes the correlation id from the incoming request (or makes one), echoes it on the response, and opens a
/// logging scope so every log line of the request carries it.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[CorrelationId.HeaderName] = id;
        context.Items[CorrelationId.ItemKey] = id;
        context.Response.Headers[CorrelationId.HeaderName] = id;
        Activity.Current?.SetTag("correlation.id", id);
        Activity.Current?.AddBaggage("correlation.id", id);

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
