using System.Security.Claims;
using Partnership.Contracts.Missing.V1;
using Partnership.Missing.Data;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Missing.Apis;

/// <summary>
/// Return home interviews and the exploitation referrals raised from them. Police or the missing team record the
/// outcome once; after that the record is the missing team's to amend and close.
/// </summary>
public static class ReturnInterviewsApi
{
    public static IEndpointRouteBuilder MapReturnInterviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missing/episodes/{id:guid}").WithTags("Return interviews");
        group.MapPost("/return-interview", RecordInterview)
            .RequireAuthorization(MissingPolicies.LogEpisodes)
            .WithValidation<ReturnInterviewRequest>()
            .WithSummary("Record the return interview's offer and outcome (once per episode)");
        group.MapPut("/return-interview", AmendInterview)
            .RequireAuthorization(MissingPolicies.ManageInterviews)
            .WithValidation<ReturnInterviewRequest>()
            .WithSummary("Amend the return interview record (missing team only)");
        group.MapPost("/return-interview/close", CloseInterview)
            .RequireAuthorization(MissingPolicies.ManageInterviews)
            .WithSummary("Close the return interview record; it can no longer be amended (missing team only)");
        group.MapPost("/exploitation-referrals", RaiseReferral)
            .RequireAuthorization(MissingPolicies.LogEpisodes)
            .WithValidation<ExploitationReferralRequest>()
            .WithSummary("Raise a CSE or CCE referral from the episode's return interview");
        return app;
    }

    private static async Task<IResult> RecordInterview(
        Guid id, ReturnInterviewRequest request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadEpisodeAsync(id, ct) is not { } episode)
        {
            return TypedResults.NotFound();
        }

        var agency = user.Agency()!;
        var now = clock.GetUtcNow();
        var interview = new ReturnInterview
        {
            EpisodeId = episode.Id,
            OfferedAt = request.OfferedAt!.Value,
            Accepted = request.Accepted!.Value,
            CompletedOn = request.CompletedOn,
            CompletedBy = Interviewer(request),
            Concern = Concern(request),
            RecordedByAgency = agency,
            RecordedBy = user.Caller(),
            RecordedAt = now,
        };
        if (episode.RecordInterview(interview) is { } refusal)
        {
            return refusal.ToResult();
        }
        db.Interviews.Add(interview);
        db.AddIntegrationEvent(episode.ToInterviewEvent(agency, now), clock);
        return await db.SaveOrRefuseAsync(ct) is { } lost
            ? lost.ToResult()
            : TypedResults.Created($"/api/missing/episodes/{episode.Id}", episode.ToResponse());
    }

    private static async Task<IResult> AmendInterview(
        Guid id, ReturnInterviewRequest request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadEpisodeAsync(id, ct) is not { } episode)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        if (episode.AmendInterview(request.OfferedAt!.Value, request.Accepted!.Value, request.CompletedOn, Interviewer(request), Concern(request), now) is { } refusal)
        {
            return refusal.ToResult();
        }
        db.AddIntegrationEvent(episode.ToInterviewEvent(user.Agency()!, now), clock);
        return await db.SaveOrRefuseAsync(ct) is { } lost ? lost.ToResult() : TypedResults.Ok(episode.ToResponse());
    }

    private static async Task<IResult> CloseInterview(Guid id, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadEpisodeAsync(id, ct) is not { } episode)
        {
            return TypedResults.NotFound();
        }
        // Closing is the missing team's own workflow; no other agency consumes it, so it publishes no event.
        if (episode.CloseInterview(user.Caller(), clock.GetUtcNow()) is { } refusal)
        {
            return refusal.ToResult();
        }
        return await db.SaveOrRefuseAsync(ct) is { } lost ? lost.ToResult() : TypedResults.Ok(episode.ToResponse());
    }

    private static async Task<IResult> RaiseReferral(
        Guid id, ExploitationReferralRequest request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadEpisodeAsync(id, ct) is not { } episode)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var referral = new ExploitationReferral
        {
            Id = Guid.CreateVersion7(),
            EpisodeId = episode.Id,
            Concern = PartnershipRules.ParseName<ExploitationConcern>(request.Concern!),
            RaisedOn = request.RaisedOn!.Value,
            RaisedByAgency = user.Agency()!,
            RaisedBy = user.Caller(),
            RecordedAt = now,
        };
        if (episode.RaiseReferral(referral) is { } refusal)
        {
            return refusal.ToResult();
        }
        db.Referrals.Add(referral);
        db.AddIntegrationEvent(referral.ToRaisedEvent(episode.ChildKey, now), clock);
        return await db.SaveOrRefuseAsync(ct) is { } lost
            ? lost.ToResult()
            : TypedResults.Created($"/api/missing/episodes/{episode.Id}", episode.ToResponse());
    }

    private static InterviewerRole? Interviewer(ReturnInterviewRequest request) =>
        request.CompletedBy is null ? null : PartnershipRules.ParseName<InterviewerRole>(request.CompletedBy);

    private static ExploitationConcern Concern(ReturnInterviewRequest request) =>
        request.Concern is null ? ExploitationConcern.None : PartnershipRules.ParseName<ExploitationConcern>(request.Concern);
}
