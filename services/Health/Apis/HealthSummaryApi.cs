using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Health.Data;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Health.Apis;

/// <summary>
/// A child's health summary for the health team's own use (e.g. the summary a care leaver is given). Sharing it with
/// leaving care is a sharing decision made elsewhere, so only the health agency's own token may read it here.
/// </summary>
public static class HealthSummaryApi
{
    /// <summary>Dental checks are annual for looked-after children (SSDA903 TEETH_CHECK).</summary>
    private const int DentalCheckMonths = 12;

    public static IEndpointRouteBuilder MapHealthSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health/children/{childKey}/summary", GetSummary)
            .WithTags("Health summary")
            .RequireAuthorization(HealthPolicies.ReadChecks)
            .WithSummary("The latest assessment, checks, SDQ, CAMHS referrals and substance misuse record for one child");
        return app;
    }

    private static async Task<Results<Ok<HealthSummaryResponse>, NotFound>> GetSummary(
        string childKey, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var agency = user.Agency();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var assessment = await db.Assessments.AsNoTracking().Where(a => a.ChildKey == childKey && a.SubmittedByAgency == agency)
            .OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.RecordedAt).FirstOrDefaultAsync(ct);
        var dental = await db.DentalChecks.AsNoTracking().Where(d => d.ChildKey == childKey && d.SubmittedByAgency == agency)
            .OrderByDescending(d => d.CheckedOn).ThenByDescending(d => d.RecordedAt).FirstOrDefaultAsync(ct);
        var gp = await db.GpRegistrations.AsNoTracking().Where(g => g.ChildKey == childKey && g.SubmittedByAgency == agency)
            .OrderByDescending(g => g.RecordedOn).ThenByDescending(g => g.RecordedAt).FirstOrDefaultAsync(ct);
        var immunisations = (await db.Immunisations.AsNoTracking().Where(i => i.ChildKey == childKey && i.SubmittedByAgency == agency).ToListAsync(ct))
            .GroupBy(i => i.Milestone)
            .Select(g => g.OrderByDescending(i => i.RecordedOn).ThenByDescending(i => i.RecordedAt).First())
            .OrderBy(i => i.Milestone)
            .ToList();
        var sdq = await db.SdqScores.AsNoTracking().Where(s => s.ChildKey == childKey && s.SubmittedByAgency == agency)
            .OrderByDescending(s => s.CompletedOn).ThenByDescending(s => s.RecordedAt).FirstOrDefaultAsync(ct);
        var camhs = await db.CamhsReferrals.AsNoTracking().Where(c => c.ChildKey == childKey && c.SubmittedByAgency == agency)
            .OrderByDescending(c => c.ReferredOn).ThenBy(c => c.Id).ToListAsync(ct);
        var substance = await db.SubstanceMisuse.AsNoTracking().Where(s => s.ChildKey == childKey && s.SubmittedByAgency == agency)
            .OrderByDescending(s => s.IdentifiedOn).ThenByDescending(s => s.RecordedAt).FirstOrDefaultAsync(ct);

        if (assessment is null && dental is null && gp is null && immunisations.Count == 0 && sdq is null && camhs.Count == 0 && substance is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new HealthSummaryResponse(
            childKey,
            today,
            assessment?.ToResponse(),
            assessment?.NextReviewDue is { } nextReview ? nextReview >= today : null,
            dental?.ToResponse(),
            dental is null ? null : dental.CheckedOn.AddMonths(DentalCheckMonths) >= today,
            gp?.ToResponse(),
            immunisations.Select(i => i.ToResponse()).ToList(),
            sdq?.ToResponse(),
            camhs.Select(c => c.ToResponse()).ToList(),
            substance?.ToResponse()));
    }
}
