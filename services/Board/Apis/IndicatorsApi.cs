using Microsoft.AspNetCore.Http.HttpResults;
using Partnership.Board.Indicators;

namespace Partnership.Board.Apis;

public static class IndicatorsApi
{
    public const string ReadScope = "board.read";

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/board/indicators").WithTags("Indicators").RequireAuthorization(ReadScope);
        group.MapGet("/", GetIndicators)
            .WithSummary("Indicators for a financial year (start year) and optional quarter; defaults to the current quarter");
        return app;
    }

    private static async Task<Results<Ok<IndicatorsResponse>, ValidationProblem>> GetIndicators(
        HealthAssessmentTimeliness timeliness, TimeProvider clock, CancellationToken ct, int? year = null, int? quarter = null)
    {
        var period = year is { } y
            ? new ReportingPeriod(y, quarter)
            : ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!ReportingPeriod.IsValid(period.FinancialYear, period.Quarter))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = ["'year' must be a financial year start between 2000 and 2100."],
                ["quarter"] = ["'quarter' must be 1 to 4, or omitted for the whole year."],
            });
        }

        var results = new[] { await timeliness.ComputeAsync(period, ct) };
        return TypedResults.Ok(new IndicatorsResponse(period.Label, results));
    }
}

public sealed record IndicatorsResponse(string Period, IReadOnlyList<IndicatorResult> Indicators);
