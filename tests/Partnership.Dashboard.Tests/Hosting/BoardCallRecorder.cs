using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Partnership.Dashboard.Tests.Hosting;

/// <summary>
/// Watches, without changing, the dashboard's real calls to the real board API: which access token each carried and
/// what the board answered. That is how a test sees that a refreshed token is the one in use and that the board took it.
/// </summary>
public sealed class BoardCallRecorder
{
    public sealed record Call(string Path, string? Subject, string? TokenId, HttpStatusCode Status);

    private readonly ConcurrentQueue<Call> _calls = new();

    public int Count => _calls.Count;

    /// <summary>
    /// The calls made for one user after the first <paramref name="skip"/>, in the order they were answered. By user,
    /// because a page another test left open may still be loading through the same dashboard.
    /// </summary>
    public IReadOnlyList<Call> Since(int skip, string subject) => [.. _calls.Skip(skip).Where(c => c.Subject == subject)];

    public void AttachTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => builder.AdditionalHandlers.Add(new Handler(this))));

    private sealed class Handler(BoardCallRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var token = request.Headers.Authorization?.Parameter;
            // The token's own id (jti) names it without keeping the bearer credential in the test's memory.
            var jwt = token is null ? null : new JsonWebToken(token);
            recorder._calls.Enqueue(new Call(request.RequestUri?.AbsolutePath ?? "", jwt?.Subject, jwt?.Id, response.StatusCode));
            return response;
        }
    }
}
