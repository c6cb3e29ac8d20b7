using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Claims;
using Partnership.Dashboard.Auth.Sessions;

namespace Partnership.Dashboard.Board;

/// <summary>
/// Calls the board API as the signed-in user: every request carries the user's own access token, so the board service
/// applies its scopes to the person, not to the dashboard. The token comes from the server-side session, refreshed
/// first when it is about to expire, so a page open for hours never sends an expired one.
/// </summary>
public sealed partial class BoardApiClient(HttpClient http, CurrentSession session, SessionTokens tokens, ILogger<BoardApiClient> logger)
{
    public const string PlansPath = "api/board/plans";
    public const string IndicatorsPath = "api/board/indicators";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<BoardResult<PlansDto>> PlansAsync(CancellationToken ct) => GetAsync<PlansDto>(PlansPath, ct);

    public Task<BoardResult<OverviewDto>> OverviewAsync(BoardQuery query, CancellationToken ct) =>
        GetAsync<OverviewDto>(IndicatorsPath + query.ToQueryString(), ct);

    public Task<BoardResult<IndicatorDetailDto>> IndicatorAsync(string id, BoardQuery query, CancellationToken ct) =>
        GetAsync<IndicatorDetailDto>($"{IndicatorsPath}/{Uri.EscapeDataString(id)}{query.ToQueryString()}", ct);

    public async Task<BoardResult<JsonElement>> EnterManualValueAsync(string id, string? plan, ManualValueDto value, CancellationToken ct)
    {
        var path = $"{IndicatorsPath}/{Uri.EscapeDataString(id)}/manual-values{new BoardQuery(plan, null, null).ToQueryString()}";
        var token = await session.AccessTokenAsync(ct);
        if (Refusal<JsonElement>(token) is { } refused)
        {
            return refused;
        }
        using var request = Request(HttpMethod.Post, path, token);
        request.Content = JsonContent.Create(value, options: Json);
        return await SendAsync<JsonElement>(request, ct);
    }

    /// <summary>
    /// An export as the board API answers it (CSV or JSON), for the dashboard to pass through to the browser. Without a
    /// usable token the answer is the dashboard's own: 401 when the session has ended, 503 when the identity service
    /// could not renew the token.
    /// </summary>
    public async Task<HttpResponseMessage> ExportAsync(ClaimsPrincipal user, string pathAndQuery, CancellationToken ct)
    {
        var token = await tokens.AccessTokenAsync(SessionStart.SessionId(user), ct);
        switch (token)
        {
            case SessionTokens.Token:
                var request = Request(HttpMethod.Get, pathAndQuery, token);
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            case SessionTokens.Unavailable:
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            default:
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
    }

    private async Task<BoardResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        var token = await session.AccessTokenAsync(ct);
        if (Refusal<T>(token) is { } refused)
        {
            return refused;
        }
        using var request = Request(HttpMethod.Get, path, token);
        return await SendAsync<T>(request, ct);
    }

    private static BoardResult<T>? Refusal<T>(SessionTokens.Result token) => token switch
    {
        SessionTokens.Token => null,
        SessionTokens.Unavailable => new(BoardOutcome.NotAvailable, default, "The identity service could not renew your sign-in just now. Try again in a moment."),
        _ => new(BoardOutcome.SignedOut, default, "You have been signed out. Sign in again to carry on."),
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, SessionTokens.Result token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is SessionTokens.Token { AccessToken: { Length: > 0 } accessToken })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<BoardResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogUnreachable(logger, request.RequestUri?.AbsolutePath ?? "", ex);
            return new(BoardOutcome.NotAvailable, default, "The board service could not be reached. Try again in a moment.");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return value is null ? new(BoardOutcome.Failed, default, "The board service gave an empty answer.") : BoardResult<T>.Ok(value);
            }

            var problem = await ReadProblemAsync(response, ct);
            LogRefused(logger, request.RequestUri?.AbsolutePath ?? "", (int)response.StatusCode);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new(BoardOutcome.SessionExpired, default, "Your session has expired. Reload the page to sign in again."),
                HttpStatusCode.Forbidden => new(BoardOutcome.Forbidden, default, "You are not authorised for the board."),
                HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented =>
                    new(BoardOutcome.NotAvailable, default, problem?.Detail ?? "This is not available from the board service yet."),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                    new(BoardOutcome.Invalid, default, problem?.Title ?? "The request is invalid.",
                        problem?.Errors is { } errors ? new Dictionary<string, string[]>(errors) : null),
                _ => new(BoardOutcome.Failed, default, problem?.Detail ?? $"The board service answered {(int)response.StatusCode}."),
            };
        }
    }

    private static async Task<HttpValidationProblemDetails?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Board API {Path} could not be reached")]
    private static partial void LogUnreachable(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Board API {Path} answered {StatusCode}")]
    private static partial void LogRefused(ILogger logger, string path, int statusCode);
}
