using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;
using Partnership.Sharing.Hosting;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;

namespace Partnership.Sharing.Apis;

public sealed record InboxItemResponse(
    Guid Id,
    Guid DecisionId,
    string SourceAgency,
    string? ChildKey,
    string? ChildPseudonym,
    string Category,
    string Purpose,
    string LawfulBasis,
    string LawfulBasisText,
    string Reason,
    string EventType,
    JsonElement Facts,
    DateTimeOffset SharedAt);

public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sharing/inbox", ListInbox)
            .RequireAuthorization(SharingPolicies.Inbox)
            .WithTags("Sharing inbox")
            .WithSummary("What other agencies have shared with the caller's agency, and why");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<InboxItemResponse>>, ProblemHttpResult>> ListInbox(
        ClaimsPrincipal user, SharingDbContext db, CancellationToken ct, int? page = null, int? pageSize = null, string? childKey = null)
    {
        if (user.Agency() is not { } agency)
        {
            return TypedResults.Problem("The token names no agency.", statusCode: StatusCodes.Status403Forbidden);
        }
        (var pageNumber, var size) = Paging.Normalise(page, pageSize);
        var query = db.Inbox.AsNoTracking().Where(i => i.RecipientAgency == agency);
        if (!string.IsNullOrEmpty(childKey))
        {
            query = query.Where(i => i.ChildKey == childKey);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.SharedAt).ThenBy(i => i.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        var response = items.Select(i => new InboxItemResponse(
            i.Id, i.DecisionId, i.SourceAgency, i.ChildKey, i.ChildPseudonym, i.Category.ToString(), i.Purpose.ToString(),
            i.LawfulBasis.ToString(), Domain.LawfulBasisText.Describe(i.LawfulBasis), i.Reason, i.EventType,
            JsonDocument.Parse(i.Facts).RootElement.Clone(), i.SharedAt)).ToList();
        return TypedResults.Ok(new PagedResult<InboxItemResponse>(response, pageNumber, size, total));
    }
}
