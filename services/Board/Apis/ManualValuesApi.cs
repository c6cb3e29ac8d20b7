using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnership.Board.Catalogue;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Indicators;
using Partnership.Board.Snapshots;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Board.Apis;

public static partial class ManualValuesApi
{
    public static IEndpointRouteBuilder MapManualValuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/board/indicators/{id}/manual-values").WithTags("Manual values");
        group.MapPost("/", Enter)
            .RequireAuthorization(BoardScopes.Write)
            .WithValidation<ManualValueRequest>()
            .WithSummary("Enter a value for a manually reported indicator; earlier entries are kept as history");
        group.MapGet("/", History)
            .RequireAuthorization(BoardScopes.Read)
            .WithSummary("Every value entered for the indicator, newest first, with who entered it and when");
        return app;
    }

    private static async Task<IResult> Enter(
        string id, ManualValueRequest request, ClaimsPrincipal user, PlanCatalogue catalogue, BoardDbContext db, ResultCache results, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct, string? plan = null)
    {
        if (catalogue.Find(plan) is not { } planDefinition || planDefinition.Indicator(id) is not { } indicator)
        {
            return TypedResults.Problem($"There is no indicator '{id}' in plan '{plan ?? "(default)"}'.", statusCode: StatusCodes.Status404NotFound);
        }
        var errors = new Dictionary<string, string[]>();
        if (indicator.Source.Kind != SourceKind.Manual)
        {
            errors["indicator"] = [$"Indicator {indicator.Id} is computed from {indicator.Source.Kind} data and cannot be entered by hand."];
        }
        if (indicator.IsPercentage && request.Value > 100)
        {
            errors["value"] = ["A percentage cannot exceed 100."];
        }
        if (indicator.Unit == "milestone" && request.Value is not (0 or 1))
        {
            errors["value"] = ["A milestone is 1 when done and 0 while outstanding."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid.");
        }

        var entry = new ManualValue
        {
            PlanId = planDefinition.Id,
            IndicatorId = indicator.Id,
            FinancialYear = request.Year!.Value,
            Quarter = request.Quarter ?? 0,
            Value = request.Value!.Value,
            Numerator = request.Numerator,
            Denominator = request.Denominator,
            Source = request.Source!.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            EnteredBy = user.Caller(),
            EnteredAt = clock.GetUtcNow(),
        };
        db.ManualValues.Add(entry);
        await db.SaveChangesAsync(ct);
        // Read as entered: no answer published before this entry may be served after it (other instances learn of it
        // through the change trigger on manual_values).
        results.ManualValuesChanged();
        LogEntered(loggers.CreateLogger("Partnership.Board.ManualValues"), planDefinition.Id, indicator.Id, entry.Id, entry.EnteredBy);
        return TypedResults.Created($"/api/board/indicators/{indicator.Id}/manual-values?plan={planDefinition.Id}", ToResponse(entry));
    }

    private static async Task<IResult> History(string id, PlanCatalogue catalogue, BoardDbContext db, CancellationToken ct, string? plan = null)
    {
        if (catalogue.Find(plan) is not { } planDefinition || planDefinition.Indicator(id) is not { } indicator)
        {
            return TypedResults.Problem($"There is no indicator '{id}' in plan '{plan ?? "(default)"}'.", statusCode: StatusCodes.Status404NotFound);
        }
        var entries = await db.ManualValues.AsNoTracking()
            .Where(m => m.PlanId == planDefinition.Id && m.IndicatorId == indicator.Id)
            .OrderByDescending(m => m.Id)
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.Ok(entries.Select(ToResponse).ToList());
    }

    private static ManualValueResponse ToResponse(ManualValue m)
    {
        var period = new ReportingPeriod(m.FinancialYear, m.Quarter == 0 ? null : m.Quarter);
        return new(m.Id, m.PlanId, m.IndicatorId, period.Label, m.FinancialYear, period.Quarter, m.Value, m.Numerator, m.Denominator,
            m.Source, m.Note, m.EnteredBy, m.EnteredAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Manual value {EntryId} entered for {PlanId}/{IndicatorId} by {EnteredBy}")]
    private static partial void LogEntered(ILogger logger, string planId, string indicatorId, long entryId, string enteredBy);
}
