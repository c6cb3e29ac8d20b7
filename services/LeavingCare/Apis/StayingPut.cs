using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

public sealed record StartStayingPutRequest(string? ChildKey, DateOnly? StartedOn);

public sealed record EndStayingPutRequest(DateOnly? EndedOn);

public sealed record StayingPutResponse(Guid Id, string ChildKey, DateOnly StartedOn, DateOnly? EndedOn, bool Current, int AgeYears, DateTimeOffset RecordedAt);

public static class StayingPut
{
    public const int MinimumAge = 18;
    public const int MaximumAge = 20;

    public static Task<StayingPutArrangement> CreateAsync(StartStayingPutRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct) =>
        db.NewRecordAsync(new StayingPutArrangement
        {
            ChildKey = r.ChildKey!,
            StartedOn = r.StartedOn!.Value,
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.StartedOn.Value, by, ct);

    public static StayingPutChanged ToStartedEvent(this StayingPutArrangement s) => Changed(s, s.StartedOn, inStayingPut: true);

    public static StayingPutChanged ToEndedEvent(this StayingPutArrangement s, DateTimeOffset at) =>
        Changed(s, s.EndedOn ?? throw new InvalidOperationException("The arrangement has not ended."), inStayingPut: false) with { OccurredAt = at };

    public static StayingPutResponse ToResponse(this StayingPutArrangement s) =>
        new(s.Id, s.ChildKey, s.StartedOn, s.EndedOn, s.EndedOn is null, s.AgeYears, s.RecordedAt);

    private static StayingPutChanged Changed(StayingPutArrangement s, DateOnly on, bool inStayingPut) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = s.RecordedAt,
        SourceAgency = s.SubmittedByAgency,
        ChildKey = s.ChildKey,
        On = on,
        InStayingPut = inStayingPut,
    };
}
