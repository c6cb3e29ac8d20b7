using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;
using Partnership.Sharing.Hosting;

namespace Partnership.Sharing.Apis;

public sealed record OverrideResponse(
    Guid Id, string ChildKey, string SourceAgency, string RecipientAgency, IReadOnlyList<string> Categories, string OfficerId,
    string OfficerRole, string Reason, string LawfulBasis, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string RecordedBy);

public static class AuditAdminApi
{
    public static IEndpointRouteBuilder MapAuditAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sharing/admin").WithTags("Sharing oversight").RequireAuthorization(SharingPolicies.Oversight);
        group.MapGet("/audit/verify", Verify)
            .WithSummary("Recompute the audit hash chain; 200 with the head hash when intact, 409 with the first bad entry otherwise");
        group.MapGet("/overrides", ListOverrides)
            .WithSummary("Every safeguarding override, newest first, for the data protection officer");
        return app;
    }

    private static async Task<Results<Ok<AuditVerification>, Conflict<AuditVerification>>> Verify(AuditVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        return result.Valid ? TypedResults.Ok(result) : TypedResults.Conflict(result);
    }

    private static async Task<Ok<List<OverrideResponse>>> ListOverrides(SharingDbContext db, CancellationToken ct, int? take = null)
    {
        var rows = await db.Overrides.AsNoTracking().OrderByDescending(o => o.RecordedAt)
            .Take(Math.Clamp(take ?? 200, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(o => new OverrideResponse(
            o.Id, o.ChildKey, o.SourceAgency, o.RecipientAgency, o.Categories.Select(c => c.ToString()).ToList(), o.OfficerId,
            o.OfficerRole, o.Reason, o.LawfulBasis.ToString(), o.ValidFrom, o.ValidTo, o.RecordedBy)).ToList());
    }
}
