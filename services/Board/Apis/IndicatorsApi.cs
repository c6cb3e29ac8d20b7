using System.Globalization;
using Partnership.Board.Catalogue;
using Partnership.Board.Export;
using Partnership.Board.Indicators;

namespace Partnership.Board.Apis;

public static class IndicatorsApi
{
    public const string ReadScope = BoardScopes.Read;
    private const int TrendLength = 8;

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/board/plans", GetPlans)
            .WithTags("Plans").RequireAuthorization(ReadScope)
            .WithSummary("The plans the board monitors and every indicator line with its source values, polarity, source kind and review flags");

        var group = app.MapGroup("/api/board/indicators").WithTags("Indicators").RequireAuthorization(ReadScope);
        group.MapGet("/", GetIndicators)
            .WithSummary("Overview of a plan's indicators for a financial year (start year) and optional quarter, grouped by priority with RAG; defaults to the current quarter");
        group.MapGet("/{id}", GetIndicator)
            .WithSummary("One indicator with its trend over the last 8 quarters and 8 years, baseline, target and as-at");
        return app;
    }

    private static IResult GetPlans(HttpRequest request, PlanCatalogue catalogue, string? format = null)
    {
        var body = new PlansResponse(catalogue.Plans.OrderByDescending(p => p.Default).ThenBy(p => p.Id).Select(p => new PlanSummary(
            p.Id, p.Title, p.Source, p.BaselineLabel, p.TargetLabel, p.Default, p.Priorities,
            p.Indicators.Select(IndicatorSummary.From).ToList())).ToList());
        return ExportFormat.Respond(request, format, body, PlansCsv, "board-plans.csv");
    }

    private static async Task<IResult> GetIndicators(
        HttpRequest request, PlanCatalogue catalogue, IndicatorService indicators, TimeProvider clock, CancellationToken ct,
        string? plan = null, int? year = null, int? quarter = null, string? source = null, string? format = null)
    {
        if (catalogue.Find(plan) is not { } planDefinition)
        {
            return UnknownPlan(plan);
        }
        // Both parsed (no short circuit), so one answer lists every field error.
        if (!PeriodQuery.TryParse(year, quarter, clock, out var period, out var errors) | !SourceQuery.TryParse(source, errors, out var from))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (results, pending) = await indicators.ResultsAsync(planDefinition, planDefinition.Indicators, [period], from, ct);
        var groups = planDefinition.Priorities
            .Select(p => (Priority: p, Results: results.Where(r => r.Priority == p.Id).ToList()))
            .Select(g => new PriorityGroup(g.Priority.Id, g.Priority.Title, RagCounts.Of(g.Results), g.Results))
            .ToList();
        var body = new IndicatorsResponse(period.Label, results)
        {
            Plan = planDefinition.Id,
            PeriodDetail = new PeriodDto(period.Label, period.From, period.To),
            Source = SourceQuery.Name(from),
            Pending = pending,
            Priorities = groups,
        };
        return ExportFormat.Respond(request, format, body, b => ResultsCsv(planDefinition, b.Indicators), $"board-indicators-{Slug(period.Label)}.csv");
    }

    private static async Task<IResult> GetIndicator(
        string id, HttpRequest request, PlanCatalogue catalogue, IndicatorService indicators, TimeProvider clock, CancellationToken ct,
        string? plan = null, int? year = null, int? quarter = null, string? source = null, string? format = null)
    {
        if (catalogue.Find(plan) is not { } planDefinition)
        {
            return UnknownPlan(plan);
        }
        if (planDefinition.Indicator(id) is not { } indicator)
        {
            return TypedResults.Problem($"Plan '{planDefinition.Id}' has no indicator '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!PeriodQuery.TryParse(year, quarter, clock, out var period, out var errors) | !SourceQuery.TryParse(source, errors, out var from))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var lastQuarter = period.Quarter is null ? new ReportingPeriod(period.FinancialYear, 4) : period;
        var quarters = Back(lastQuarter, TrendLength);
        var years = Back(new ReportingPeriod(period.FinancialYear, null), TrendLength);
        var periods = quarters.Concat(years).Append(period).Distinct().ToList();
        var (results, pending) = await indicators.ResultsAsync(planDefinition, [indicator], periods, from, ct);
        IndicatorResult At(ReportingPeriod p) => results.First(r => r.Period.Label == p.Label);

        var current = At(period);
        var body = new IndicatorDetail(planDefinition.Id, IndicatorSummary.From(indicator), current,
            quarters.Select(At).ToList(), years.Select(At).ToList(), current.AsAt) { Pending = pending };
        return ExportFormat.Respond(request, format, body,
            b => ResultsCsv(planDefinition, [.. b.Quarters, .. b.Years]), $"board-indicator-{Slug(indicator.Id)}.csv");
    }

    /// <summary>The period and the ones before it, oldest first.</summary>
    private static List<ReportingPeriod> Back(ReportingPeriod last, int count)
    {
        var list = new List<ReportingPeriod> { last };
        while (list.Count < count)
        {
            list.Add(list[^1].Previous());
        }
        list.Reverse();
        return list;
    }

    private static IResult UnknownPlan(string? plan) =>
        TypedResults.Problem($"There is no plan '{plan}'.", statusCode: StatusCodes.Status404NotFound);

    private static string Slug(string text) => new([.. text.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    private static CsvTable ResultsCsv(PlanDefinition plan, IEnumerable<IndicatorResult> results)
    {
        var table = new CsvTable("plan", "priority", "indicator", "action", "title", "period", "from", "to", "numerator", "denominator",
            "value", "unit", "polarity", "baseline", "target", "rag", "previous_value", "trend", "source_kind", "as_at", "review_flags");
        foreach (var r in results)
        {
            table.Add(plan.Id, r.Priority, r.Id, r.ActionId, r.Title, r.Period.Label, r.Period.From, r.Period.To,
                Count(r.Numerator), Count(r.Denominator), r.Value, r.Unit, r.Polarity.ToString(), r.Baseline, r.Target, r.Rag?.ToString(),
                r.PreviousValue, r.Trend?.ToString(), r.SourceKind?.ToString(), r.AsAt, string.Join(" | ", r.ReviewFlags.Select(f => f.Reason)));
        }
        return table;
    }

    private static object? Count(SuppressedCount c) => c.Suppressed ? "suppressed" : c.Value;

    private static CsvTable PlansCsv(PlansResponse plans)
    {
        var table = new CsvTable("plan", "priority", "indicator", "action_id", "action", "responsible_area", "heading", "text", "title", "unit",
            "baseline", "target", "comments", "polarity", "baseline_value", "target_value", "tolerance", "source_kind", "measure", "review_flags");
        foreach (var plan in plans.Plans)
        {
            foreach (var i in plan.Indicators)
            {
                table.Add(plan.Id, i.Priority, i.Id, i.ActionId, i.Action, i.ResponsibleArea, i.Heading, i.Text, i.Title, i.Unit,
                    i.Baseline, i.Target, i.Comments, i.Polarity.ToString(), i.BaselineValue, i.TargetValue,
                    i.Tolerance.ToString(CultureInfo.InvariantCulture), i.SourceKind.ToString(), i.Measure,
                    string.Join(" | ", i.ReviewFlags.Select(f => f.Reason)));
            }
        }
        return table;
    }
}
