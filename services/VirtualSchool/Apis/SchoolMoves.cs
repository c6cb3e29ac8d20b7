using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

public sealed record RecordSchoolMoveRequest(string? ChildKey, DateOnly? MovedOn, bool? FollowedPlacementMove);

public sealed record SchoolMoveResponse(Guid Id, string ChildKey, DateOnly MovedOn, bool FollowedPlacementMove, DateTimeOffset RecordedAt);

public static class SchoolMoves
{
    public static SchoolMove Create(RecordSchoolMoveRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        MovedOn = r.MovedOn!.Value,
        FollowedPlacementMove = r.FollowedPlacementMove!.Value,
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static SchoolMoveRecorded ToEvent(this SchoolMove m) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = m.RecordedAt,
        SourceAgency = m.SubmittedByAgency,
        ChildKey = m.ChildKey,
        MovedOn = m.MovedOn,
        FollowedPlacementMove = m.FollowedPlacementMove,
    };

    public static SchoolMoveResponse ToResponse(this SchoolMove m) => new(m.Id, m.ChildKey, m.MovedOn, m.FollowedPlacementMove, m.RecordedAt);
}
