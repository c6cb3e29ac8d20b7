using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts.YouthJustice.V1;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;
using Partnership.YouthJustice.Data;
using Partnership.YouthJustice.Domain;

namespace Partnership.YouthJustice.Apis;

public static class OutcomesApi
{
    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/youth-justice/outcomes").WithTags("Offence outcomes");
        group.MapPost("/", RecordOutcome)
            .RequireAuthorization(YouthJusticePolicies.RecordOutcomes)
            .WithValidation<RecordOffenceOutcomeRequest>()
            .WithSummary("Record the outcome of an offence by a child in care aged 10 or over");
        group.MapGet("/", ListOutcomes)
            .RequireAuthorization(YouthJusticePolicies.Read)
            .WithSummary("The outcomes the caller's agency recorded, newest first");
        group.MapGet("/{id:guid}", GetOutcome)
            .RequireAuthorization(YouthJusticePolicies.Read)
            .WithSummary("One outcome the caller's agency recorded");
        return app;
    }

    private static async Task<Created<OffenceOutcomeResponse>> RecordOutcome(
        RecordOffenceOutcomeRequest request, ClaimsPrincipal user, YouthJusticeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outcomeType = PartnershipRules.ParseName<OffenceOutcomeType>(request.Outcome!);
        var outcome = new OffenceOutcome
        {
            Id = Guid.CreateVersion7(),
            ChildKey = request.ChildKey!,
            OffenceDate = request.OffenceDate!.Value,
            OutcomeDate = request.OutcomeDate!.Value,
            Outcome = outcomeType,
            AgeAtOffence = request.AgeAtOffence!.Value,
            FirstTimeEntrant = request.FirstTimeEntrant ?? await IsFirstFormalDisposalAsync(db, request.ChildKey!, outcomeType, request.OutcomeDate.Value, ct),
            RecordedByAgency = user.Agency()!,
            RecordedBy = user.Caller(),
            RecordedAt = clock.GetUtcNow(),
        };
        db.Outcomes.Add(outcome);
        db.AddIntegrationEvent(outcome.ToRecordedEvent(), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/youth-justice/outcomes/{outcome.Id}", outcome.ToResponse());
    }

    /// <summary>
    /// Used only when the caller does not say: the police national computer is the authority on first entry, and this
    /// service sees only what the partnership recorded. Any agency's earlier formal disposal counts.
    /// </summary>
    private static async Task<bool> IsFirstFormalDisposalAsync(
        YouthJusticeDbContext db, string childKey, OffenceOutcomeType outcome, DateOnly outcomeDate, CancellationToken ct)
    {
        if (!OffenceOutcome.IsFormalDisposal(outcome))
        {
            return false;
        }
        var earlier = await db.Outcomes
            .Where(o => o.ChildKey == childKey && o.OutcomeDate <= outcomeDate)
            .Select(o => o.Outcome)
            .ToListAsync(ct);
        return !earlier.Any(OffenceOutcome.IsFormalDisposal);
    }

    private static async Task<Ok<PagedResult<OffenceOutcomeResponse>>> ListOutcomes(
        ClaimsPrincipal user, YouthJusticeDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var agency = user.Agency();
        var query = db.Outcomes.AsNoTracking()
            .Where(o => o.RecordedByAgency == agency)
            .OrderByDescending(o => o.RecordedAt).ThenBy(o => o.Id);
        return TypedResults.Ok(await query.ToPagedResultAsync(page, pageSize, o => o.ToResponse(), ct));
    }

    private static async Task<Results<Ok<OffenceOutcomeResponse>, NotFound>> GetOutcome(
        Guid id, ClaimsPrincipal user, YouthJusticeDbContext db, CancellationToken ct)
    {
        var agency = user.Agency();
        var outcome = await db.Outcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.RecordedByAgency == agency, ct);
        return outcome is null ? TypedResults.NotFound() : TypedResults.Ok(outcome.ToResponse());
    }
}
