using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Yarp.ReverseProxy.Forwarder;

namespace Partnership.Gateway.Proxy;

/// <summary>
/// A service's response passes through untouched: status code pages must not rewrite a service's empty 404 or 409.
/// When the gateway itself failed to reach the service, the caller gets a problem document instead of an empty 502.
/// </summary>
internal sealed class DownstreamResponseMiddleware(RequestDelegate next, ILogger<DownstreamResponseMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is null)
        {
            return;
        }

        logger.LogWarning(error.Exception, "Proxying to {Path} failed: {ForwarderError}", context.Request.Path, error.Error);
        if (!context.Response.HasStarted)
        {
            var status = context.Response.StatusCode;
            await GatewayProblems.WriteAsync(context, status, ReasonPhrases.GetReasonPhrase(status),
                "The gateway could not get a response from the service.");
        }
    }
}
