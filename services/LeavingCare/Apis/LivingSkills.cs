using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

public sealed record StartLivingSkillsRequest(string? ChildKey, DateOnly? StartedOn);

public sealed record LivingSkillsResponse(Guid Id, string ChildKey, DateOnly StartedOn, int AgeYears, DateTimeOffset RecordedAt);

/// <summary>
/// The Independent Living Skills Programme booklet (action 3.2) is started while the young person is still a child in
/// care, from 15, so it is ready before they leave; each young person starts it once.
/// </summary>
public static class LivingSkills
{
    public const int MinimumAge = 15;
    public const int MaximumAge = 17;

    public static Task<LivingSkillsProgramme> CreateAsync(StartLivingSkillsRequest r, RecordAuthor by, LeavingCareDbContext db, CancellationToken ct) =>
        db.NewRecordAsync(new LivingSkillsProgramme
        {
            ChildKey = r.ChildKey!,
            StartedOn = r.StartedOn!.Value,
            SubmittedByAgency = by.Agency,
            SubmittedBy = by.Caller,
        }, r.StartedOn.Value, by, ct);

    public static LivingSkillsBookletStarted ToEvent(this LivingSkillsProgramme p) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = p.RecordedAt,
        SourceAgency = p.SubmittedByAgency,
        ChildKey = p.ChildKey,
        StartedOn = p.StartedOn,
        AgeYears = p.AgeYears,
    };

    public static LivingSkillsResponse ToResponse(this LivingSkillsProgramme p) => new(p.Id, p.ChildKey, p.StartedOn, p.AgeYears, p.RecordedAt);
}
