using Partnership.Dashboard.Auth;
using Partnership.Dashboard.Board;

namespace Partnership.Dashboard.Export;

/// <summary>
/// Download links for every view, e.g. /dashboard/export/overview.csv?plan=&amp;year=&amp;quarter=. They go through the
/// dashboard so the browser never holds a token: the dashboard asks the board API with the user's token and passes
/// the file on. Without board.read the answer is 403, never a redirect.
/// </summary>
public static class ExportEndpoints
{
    private static readonly string[] Formats = ["csv", "json"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(DashboardPaths.Export).RequireAuthorization(BoardScopes.Read).ExcludeFromDescription();
        foreach (var format in Formats)
        {
            group.MapGet($"/overview.{format}", (BoardApiClient board, HttpContext context, string? plan, int? year, int? quarter) =>
                PassThroughAsync(board, context, BoardApiClient.IndicatorsPath + new BoardQuery(plan, year, quarter).ToQueryString(format),
                    $"board-overview.{format}"));
            group.MapGet($"/indicators/{{id}}.{format}", (BoardApiClient board, HttpContext context, string id, string? plan, int? year, int? quarter) =>
                PassThroughAsync(board, context,
                    $"{BoardApiClient.IndicatorsPath}/{Uri.EscapeDataString(id)}{new BoardQuery(plan, year, quarter).ToQueryString(format)}",
                    $"board-indicator-{FileSafe(id)}.{format}"));
            group.MapGet($"/plans.{format}", (BoardApiClient board, HttpContext context) =>
                PassThroughAsync(board, context, BoardApiClient.PlansPath + $"?format={format}", $"board-plans.{format}"));
        }
        return app;
    }

    private static async Task PassThroughAsync(BoardApiClient board, HttpContext context, string pathAndQuery, string fileName)
    {
        using var response = await board.ExportAsync(context.User, pathAndQuery, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.Headers.CacheControl = "no-store";
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }
        if (response.IsSuccessStatusCode)
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static string FileSafe(string text) => new([.. text.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '-')]);
}
