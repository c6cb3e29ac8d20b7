using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts.Missing.V1;
using Partnership.Missing.Data;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Missing.Apis;

/// <summary>
/// Missing and absent episodes. The register is shared by police and the missing team, so reads are not filtered
/// by agency: the missing team's worklist is made of episodes police reported.
/// </summary>
public static class EpisodesApi
{
    public static IEndpointRouteBuilder MapEpisodesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missing/episodes").WithTags("Missing episodes");
        group.MapPost("/", StartEpisode)
            .RequireAuthorization(MissingPolicies.LogEpisodes)
            .WithValidation<StartEpisodeRequest>()
            .WithSummary("Report a child in care missing or absent from placement");
        group.MapPost("/{id:guid}/end", EndEpisode)
            .RequireAuthorization(MissingPolicies.LogEpisodes)
            .WithValidation<EndEpisodeRequest>()
            .WithSummary("Record the child's return; starts the 72-hour clock for the return interview");
        group.MapGet("/{id:guid}", GetEpisode)
            .RequireAuthorization(MissingPolicies.Read)
            .WithSummary("One episode with its return interview and referrals");
        group.MapGet("/open", ListOpen)
            .RequireAuthorization(MissingPolicies.Read)
            .WithSummary("Episodes whose child has not yet returned, oldest first");
        group.MapGet("/overdue-interviews", ListOverdueInterviews)
            .RequireAuthorization(MissingPolicies.Read)
            .WithSummary("Returns more than 72 hours ago with no interview offered, oldest first");
        return app;
    }

    private static async Task<IResult> StartEpisode(
        StartEpisodeRequest request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.HasOpenEpisodeAsync(request.ChildKey!, ct))
        {
            return RefusalResults.Conflict("The child already has an open missing episode; end it before starting another.");
        }

        var now = clock.GetUtcNow();
        var episode = request.ToEpisode(user.Agency()!, user.Caller(), now);
        db.Episodes.Add(episode);
        db.AddIntegrationEvent(episode.ToStartedEvent(now), clock);
        if (await db.SaveOrRefuseAsync(ct, "The child already has an open missing episode; end it before starting another.") is { } refusal)
        {
            return refusal.ToResult();
        }
        return TypedResults.Created($"/api/missing/episodes/{episode.Id}", episode.ToResponse());
    }

    private static async Task<IResult> EndEpisode(
        Guid id, EndEpisodeRequest request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var episode = await db.LoadEpisodeAsync(id, ct);
        if (episode is null)
        {
            return TypedResults.NotFound();
        }

        var agency = user.Agency()!;
        var foundBy = request.FoundBy is null ? (FinderRole?)null : PartnershipRules.ParseName<FinderRole>(request.FoundBy);
        if (episode.End(request.EndedAt!.Value, foundBy, agency) is { } refusal)
        {
            return refusal.ToResult();
        }
        db.AddIntegrationEvent(episode.ToEndedEvent(agency, clock.GetUtcNow()), clock);
        if (await db.SaveOrRefuseAsync(ct) is { } lost)
        {
            return lost.ToResult();
        }
        return TypedResults.Ok(episode.ToResponse());
    }

    private static async Task<Results<Ok<EpisodeResponse>, NotFound>> GetEpisode(Guid id, MissingDbContext db, CancellationToken ct)
    {
        var episode = await db.LoadEpisodeAsync(id, ct, tracking: false);
        return episode is null ? TypedResults.NotFound() : TypedResults.Ok(episode.ToResponse());
    }

    private static async Task<Ok<PagedResult<EpisodeResponse>>> ListOpen(
        MissingDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var query = db.EpisodesWithDetails()
            .Where(e => e.EndedAt == null)
            .OrderBy(e => e.StartedAt).ThenBy(e => e.Id);
        return TypedResults.Ok(await query.ToPagedResultAsync(page, pageSize, e => e.ToResponse(), ct));
    }

    private static async Task<Ok<PagedResult<EpisodeResponse>>> ListOverdueInterviews(
        MissingDbContext db, TimeProvider clock, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var returnedBefore = clock.GetUtcNow() - MissingEpisode.InterviewTimescale;
        var query = db.EpisodesWithDetails()
            .Where(e => e.EndedAt != null && e.EndedAt < returnedBefore && e.Interview == null)
            .OrderBy(e => e.EndedAt).ThenBy(e => e.Id);
        return TypedResults.Ok(await query.ToPagedResultAsync(page, pageSize, e => e.ToResponse(), ct));
    }
}
