using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Health.Apis;

/// <summary>CAMHS Children Looked After referrals: referred, outcome measure offered (5.8), completed (5.9), in that order.</summary>
public static class CamhsReferralsApi
{
    public static IEndpointRouteBuilder MapCamhsReferralsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/health/camhs-referrals").WithTags("CAMHS referrals");
        group.MapPost("/", Refer)
            .RequireAuthorization(HealthPolicies.RecordChecks)
            .WithValidation<StartCamhsReferralRequest>()
            .WithSummary("Record a referral to the CAMHS Children Looked After team");
        group.MapPost("/{id:guid}/outcome-measure-offered", (Guid id, CamhsStageRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct) =>
                Progress(id, CamhsReferralStage.OutcomeMeasureOffered, request, user, db, clock, ct))
            .RequireAuthorization(HealthPolicies.RecordChecks)
            .WithValidation<CamhsStageRequest>()
            .WithSummary("Record that the child was offered an outcome measure");
        group.MapPost("/{id:guid}/outcome-measure-completed", (Guid id, CamhsStageRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct) =>
                Progress(id, CamhsReferralStage.OutcomeMeasureCompleted, request, user, db, clock, ct))
            .RequireAuthorization(HealthPolicies.RecordChecks)
            .WithValidation<CamhsStageRequest>()
            .WithSummary("Record that the outcome measure was completed");
        group.MapGet("/{id:guid}", GetReferral)
            .RequireAuthorization(HealthPolicies.ReadChecks)
            .WithSummary("One referral the caller's agency recorded");
        return app;
    }

    private static async Task<Created<CamhsReferralResponse>> Refer(
        StartCamhsReferralRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var referral = new CamhsReferral { ChildKey = request.ChildKey!, ReferredOn = request.ReferredOn!.Value }.Stamp(user, clock);
        await db.SaveWithEventAsync(referral, referral.ToProgressedEvent(referral.SubmittedByAgency, referral.RecordedAt), clock, ct);
        return TypedResults.Created($"/api/health/camhs-referrals/{referral.Id}", referral.ToResponse());
    }

    private static async Task<IResult> Progress(
        Guid id, CamhsReferralStage next, CamhsStageRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var agency = user.Agency();
        var referral = await db.CamhsReferrals.FirstOrDefaultAsync(r => r.Id == id && r.SubmittedByAgency == agency, ct);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var (conflict, dateError) = referral.Progress(next, request.On!.Value);
        if (conflict is not null)
        {
            return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "The referral's stage does not allow this.");
        }
        if (dateError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["On"] = [dateError] }, title: "The request is invalid.");
        }
        db.AddIntegrationEvent(referral.ToProgressedEvent(agency!, clock.GetUtcNow()), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("The referral was progressed by another request; read it again.",
                statusCode: StatusCodes.Status409Conflict, title: "The referral's stage does not allow this.");
        }
        return TypedResults.Ok(referral.ToResponse());
    }

    private static async Task<Results<Ok<CamhsReferralResponse>, NotFound>> GetReferral(Guid id, ClaimsPrincipal user, HealthDbContext db, CancellationToken ct)
    {
        var agency = user.Agency();
        var referral = await db.CamhsReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.SubmittedByAgency == agency, ct);
        return referral is null ? TypedResults.NotFound() : TypedResults.Ok(referral.ToResponse());
    }
}
