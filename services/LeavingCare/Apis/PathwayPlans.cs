using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

public sealed record RecordPathwayPlanRequest(string? ChildKey, DateOnly? CompletedOn, DateOnly? AuthorisedOn);

public sealed record PathwayPlanResponse(Guid Id, string ChildKey, DateOnly CompletedOn, DateOnly? AuthorisedOn, int AgeYears, DateTimeOffset RecordedAt);

public static class PathwayPlans
{
    public static Task<PathwayPlan> CreateAsync(RecordPathwayPlanRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct) =>
        db.NewRecordAsync(new PathwayPlan
        {
            ChildKey = r.ChildKey!,
            CompletedOn = r.CompletedOn!.Value,
            AuthorisedOn = r.AuthorisedOn,
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.CompletedOn.Value, by, ct);

    public static PathwayPlanCompleted ToEvent(this PathwayPlan p) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = p.RecordedAt,
        SourceAgency = p.SubmittedByAgency,
        ChildKey = p.ChildKey,
        PlanId = p.Id,
        CompletedOn = p.CompletedOn,
        AuthorisedOn = p.AuthorisedOn,
        AgeYears = p.AgeYears,
    };

    public static PathwayPlanResponse ToResponse(this PathwayPlan p) => new(p.Id, p.ChildKey, p.CompletedOn, p.AuthorisedOn, p.AgeYears, p.RecordedAt);
}
