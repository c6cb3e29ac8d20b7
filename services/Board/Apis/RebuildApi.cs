using Partnership.Board.Indicators;
using Partnership.Board.Snapshots;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Board.Apis;

public static class RebuildApi
{
    public const int DefaultYears = 8;

    public static IEndpointRouteBuilder MapRebuildApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/board/rebuild", Rebuild)
            .WithTags("Snapshots")
            .RequireAuthorization(BoardScopes.Write)
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithSummary("Administrators: recompute the stored indicator snapshots from the facts (default: the last 8 financial years)");
        return app;
    }

    private static async Task<IResult> Rebuild(SnapshotRebuilder rebuilder, TimeProvider clock, CancellationToken ct, int? fromYear = null, int? toYear = null)
    {
        var current = ReportingPeriod.YearContaining(PeriodQuery.Today(clock)).FinancialYear;
        var to = toYear ?? current;
        var from = fromYear ?? to - DefaultYears + 1;
        if (from is < 2000 or > 2100 || to is < 2000 or > 2100 || from > to || to - from >= 20)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fromYear"] = ["'fromYear' and 'toYear' must be financial year starts between 2000 and 2100, in order, at most 20 years apart."],
            });
        }
        return TypedResults.Ok(await rebuilder.RebuildAsync(from, to, ct));
    }
}
