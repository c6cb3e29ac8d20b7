using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.LeavingCare.Apis;

/// <summary>Category is the SSDA903 leaving care status: Eligible, Relevant, FormerRelevant or Qualifying.</summary>
public sealed record RegisterCareLeaverRequest(string? ChildKey, DateOnly? DateOfBirth, string? Category);

/// <summary>The age, not the date of birth, leaves the service.</summary>
public sealed record CareLeaverResponse(Guid Id, string ChildKey, string Category, int AgeYears, DateTimeOffset RecordedAt);

public sealed record HigherEducationResponse(string ChildKey, string ActivityCode, DateOnly RecordedOn, int AgeYears);

/// <summary>The care leavers the service supports, Staying Put endings and who is in higher education.</summary>
public static class CareLeaversApi
{
    public static IEndpointRouteBuilder MapCareLeaversApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leaving-care/care-leavers").WithTags("Care leavers");
        group.MapPost("/", Register).RequireAuthorization(LeavingCareScopes.Write).WithValidation<RegisterCareLeaverRequest>()
            .WithSummary("Register a care leaver the service supports (date of birth kept here only)");
        group.MapGet("/", List).RequireAuthorization(LeavingCareScopes.Read).WithSummary("Care leavers the caller's agency registered");

        app.MapPost("/api/leaving-care/staying-put/{id:guid}/end", EndStayingPut).WithTags("Staying Put")
            .RequireAuthorization(LeavingCareScopes.Write).WithValidation<EndStayingPutRequest>()
            .WithSummary("End a Staying Put arrangement");
        app.MapGet("/api/leaving-care/higher-education", HigherEducation).WithTags("Activities")
            .RequireAuthorization(LeavingCareScopes.Read)
            .WithSummary("Care leavers whose latest recorded activity is higher education (ACTIV F1 or P1)");
        return app;
    }

    private static async Task<Results<Created<CareLeaverResponse>, ProblemHttpResult>> Register(
        RegisterCareLeaverRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (user.Agency() is not { } agency)
        {
            return TypedResults.Problem("The token names no agency.", statusCode: StatusCodes.Status403Forbidden);
        }
        var careLeaver = new CareLeaver
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey!,
            DateOfBirth = request.DateOfBirth!.Value,
            Category = PartnershipRules.ParseName<CareLeaverCategory>(request.Category!),
            SubmittedByAgency = agency,
            SubmittedBy = user.Caller(),
            RecordedAt = clock.GetUtcNow(),
        };
        db.CareLeavers.Add(careLeaver);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/leaving-care/care-leavers/{careLeaver.Id}", careLeaver.ToResponse(Today(clock)));
    }

    private static async Task<Ok<PagedResult<CareLeaverResponse>>> List(
        ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var agency = user.Agency();
        var today = Today(clock);
        var result = await db.CareLeavers.AsNoTracking().Where(c => c.SubmittedByAgency == agency)
            .OrderBy(c => c.ChildKey).ThenBy(c => c.Id)
            .ToPagedResultAsync(page, pageSize, c => c.ToResponse(today), ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<StayingPutResponse>, NotFound, ValidationProblem>> EndStayingPut(
        Guid id, EndStayingPutRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var agency = user.Agency();
        var arrangement = await db.StayingPut.FirstOrDefaultAsync(s => s.Id == id && s.SubmittedByAgency == agency, ct);
        if (arrangement is null)
        {
            return TypedResults.NotFound();
        }
        var endedOn = request.EndedOn!.Value;
        if (arrangement.EndedOn is not null || endedOn < arrangement.StartedOn)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(EndStayingPutRequest.EndedOn)] = [arrangement.EndedOn is not null
                    ? "The arrangement has already ended."
                    : "'Ended On' cannot be before the arrangement started."],
            }, title: "The request is invalid.");
        }
        arrangement.EndedOn = endedOn;
        db.AddIntegrationEvent(arrangement.ToEndedEvent(clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(arrangement.ToResponse());
    }

    private static async Task<Ok<PagedResult<HigherEducationResponse>>> HigherEducation(
        ClaimsPrincipal user, LeavingCareDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var agency = user.Agency();
        var activities = db.Activities.AsNoTracking().Where(a => a.SubmittedByAgency == agency);
        // Latest activity per care leaver: no later activity (by date, then recording time) exists for them.
        var latest = activities.Where(a => !activities.Any(b => b.ChildKey == a.ChildKey
            && (b.RecordedOn > a.RecordedOn || (b.RecordedOn == a.RecordedOn && b.RecordedAt > a.RecordedAt))));
        var result = await latest.Where(a => a.InHigherEducation).OrderBy(a => a.ChildKey).ThenBy(a => a.Id)
            .ToPagedResultAsync(page, pageSize, a => new HigherEducationResponse(a.ChildKey, a.ActivityCode, a.RecordedOn, a.AgeYears), ct);
        return TypedResults.Ok(result);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CareLeaverResponse ToResponse(this CareLeaver c, DateOnly today) =>
        new(c.Id, c.ChildKey, c.Category.ToString(), Ages.WholeYears(c.DateOfBirth, today), c.RecordedAt);
}
