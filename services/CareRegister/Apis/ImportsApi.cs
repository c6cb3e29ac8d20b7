using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Ssda903;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.CareRegister.Apis;

/// <summary>SSDA903 returns uploaded as multipart form files, one part per file of the return.</summary>
public static class ImportsApi
{
    /// <summary>A national-scale year is tens of megabytes; the gateway allows big bodies on this path too.</summary>
    public const long MaxReturnBytes = 1L << 30;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/care-register/imports").WithTags("SSDA903 imports");
        group.MapPost("/{collectionYear:int}", Import)
            .RequireAuthorization(ChildrenApi.WriteScope)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxReturnBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxReturnBytes)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesValidationProblem()
            .WithSummary("Import (or re-import, replacing) a collection year's SSDA903 return");
        group.MapGet("/{id:guid}", Get)
            .RequireAuthorization(ChildrenApi.ReadScope)
            .WithSummary("An import's counts and row-level error report");
        return app;
    }

    private static async Task<Results<Created<ImportReport>, ValidationProblem>> Import(
        int collectionYear, HttpRequest request, ClaimsPrincipal user, CareRegisterDbContext db, Ssda903Importer importer, CancellationToken ct)
    {
        if (collectionYear is < 2000 or > 2100)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["collectionYear"] = ["The collection year is named by its end, e.g. 2025 for April 2024 to March 2025."] },
                title: "The request is invalid.");
        }
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["Send the return's CSV files as multipart/form-data, one part per file."] },
                title: "The request is invalid.");
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count == 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["files"] = ["The return has no files."] }, title: "The request is invalid.");
        }
        // A part's file name says which file it is; a part without one is named by its form field.
        var sources = form.Files
            .Select(f => new Ssda903Source(string.IsNullOrWhiteSpace(f.FileName) ? f.Name : Path.GetFileName(f.FileName), f.OpenReadStream))
            .ToList();

        var outcome = await importer.ImportAsync(db, collectionYear, sources, user.Caller(), ct);

        if (outcome.Rejection is { } rejection)
        {
            return TypedResults.ValidationProblem(rejection.Errors, title: rejection.Title,
                extensions: new Dictionary<string, object?> { ["missingColumns"] = rejection.MissingColumns });
        }
        var report = await ImportReports.LoadAsync(db, outcome.ImportId!.Value, ct);
        return TypedResults.Created($"/api/care-register/imports/{report!.ImportId}", report);
    }

    private static async Task<Results<Ok<ImportReport>, NotFound>> Get(Guid id, CareRegisterDbContext db, CancellationToken ct) =>
        await ImportReports.LoadAsync(db, id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
}
