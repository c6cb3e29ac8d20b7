using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Partnership.Dashboard.Board;

/// <summary>
/// Calls the board API as the signed-in user: every request carries the user's own access token, so the board service
/// applies its scopes to the person, not to the dashboard.
/// </summary>
public sealed partial class BoardApiClient(HttpClient http, IHttpContextAccessor httpContextAccessor, ILogger<BoardApiClient> logger)
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
        using var request = await RequestAsync(HttpMethod.Post, path);
        request.Content = JsonContent.Create(value, options: Json);
        return await SendAsync<JsonElement>(request, ct);
    }

    /// <summary>An export as the board API answers it (CSV or JSON), for the dashboard to pass through to the browser.</summary>
    public async Task<HttpResponseMessage> ExportAsync(string pathAndQuery, CancellationToken ct)
    {
        var request = await RequestAsync(HttpMethod.Get, pathAndQuery);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private async Task<BoardResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        return await SendAsync<T>(request, ct);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        // Read from the request (or, inside an interactive circuit, the connection that opened it), which holds the
        // session cookie with the tokens saved at sign-in.
        if (httpContextAccessor.HttpContext is { } context && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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
