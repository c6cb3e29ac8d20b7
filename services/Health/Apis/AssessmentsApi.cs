using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Health.Apis;

public static class AssessmentsApi
{
    public const string WriteScope = "health.write";
    public const string ReadScope = "health.read";

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/health/assessments").WithTags("Health assessments");
        group.MapPost("/", RecordAssessment)
            .RequireAuthorization(HealthPolicies.RecordChecks)
            .WithValidation<RecordHealthAssessmentRequest>()
            .WithSummary("Record a completed initial or review health assessment");
        group.MapGet("/", ListAssessments)
            .RequireAuthorization(HealthPolicies.ReadChecks)
            .WithSummary("List the assessments the caller's agency submitted");
        group.MapGet("/{id:guid}", GetAssessment)
            .RequireAuthorization(HealthPolicies.ReadChecks)
            .WithSummary("One assessment the caller's agency submitted");
        return app;
    }

    private static async Task<Results<Created<HealthAssessmentResponse>, ValidationProblem>> RecordAssessment(
        RecordHealthAssessmentRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // The policy admitted only the health agency, so the claim is there.
        var agency = user.Agency()!;
        var type = Enum.Parse<HealthAssessmentType>(request.AssessmentType!, ignoreCase: true);
        var dueDate = request.DueDate ?? await ComputeDueDateAsync(request, type, agency, db, ct);
        if (dueDate is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["DueDate"] = ["'Due Date' is required: no earlier assessment of this child is held to schedule the review from."],
            }, title: "The request is invalid.");
        }

        var assessment = new HealthAssessment
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey!,
            AssessmentType = type,
            DueDate = dueDate.Value,
            CompletedOn = request.CompletedOn!.Value,
            DentalCheckUpToDate = request.DentalCheckUpToDate,
            ImmunisationsUpToDate = request.ImmunisationsUpToDate,
            SdqScore = request.SdqScore,
            WishesAndFeelingsRecorded = request.WishesAndFeelingsRecorded,
            EnteredCareOn = request.EnteredCareOn,
            AgeYears = request.AgeYears,
            SubmittedByAgency = agency,
            SubmittedBy = user.Caller(),
            RecordedAt = clock.GetUtcNow(),
        };
        db.Assessments.Add(assessment);
        db.AddIntegrationEvent(assessment.ToCompletedEvent());
        await db.SaveChangesAsync(ct);

        return TypedResults.Created($"/api/health/assessments/{assessment.Id}", assessment.ToResponse());
    }

    /// <summary>
    /// Initial: 20 working days after entering care. Review: the interval for the child's age after the previous
    /// assessment this agency recorded; null when there is none to schedule from.
    /// </summary>
    private static async Task<DateOnly?> ComputeDueDateAsync(
        RecordHealthAssessmentRequest request, HealthAssessmentType type, string agency, HealthDbContext db, CancellationToken ct)
    {
        if (type == HealthAssessmentType.Initial)
        {
            return AssessmentTimescales.InitialDue(request.EnteredCareOn!.Value);
        }
        var previous = await db.Assessments.AsNoTracking()
            .Where(a => a.ChildKey == request.ChildKey && a.SubmittedByAgency == agency && a.CompletedOn < request.CompletedOn)
            .OrderByDescending(a => a.CompletedOn)
            .Select(a => (DateOnly?)a.CompletedOn)
            .FirstOrDefaultAsync(ct);
        return previous is { } last ? AssessmentTimescales.NextReviewDue(last, request.AgeYears!.Value) : null;
    }

    private static async Task<Ok<PagedResult<HealthAssessmentResponse>>> ListAssessments(
        ClaimsPrincipal user, HealthDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        (var pageNumber, var size) = Paging.Normalise(page, pageSize);
        var agency = user.Agency();
        var query = db.Assessments.AsNoTracking().Where(a => a.SubmittedByAgency == agency);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.RecordedAt).ThenBy(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<HealthAssessmentResponse>(items.Select(a => a.ToResponse()).ToList(), pageNumber, size, total));
    }

    private static async Task<Results<Ok<HealthAssessmentResponse>, NotFound>> GetAssessment(
        Guid id, ClaimsPrincipal user, HealthDbContext db, CancellationToken ct)
    {
        var agency = user.Agency();
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.SubmittedByAgency == agency, ct);
        return assessment is null ? TypedResults.NotFound() : TypedResults.Ok(assessment.ToResponse());
    }
}
