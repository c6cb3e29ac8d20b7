using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

/// <summary>AcademicYear is the year the academic year ends (2017 for 2016/17).</summary>
public sealed record RecordAttainmentRequest(
    string? ChildKey,
    int? AcademicYear,
    int? KeyStage,
    bool? FiveOrMoreAToC,
    bool? FiveOrMoreAToCIncludingEnglishAndMaths,
    bool? LookedAfterTwelveMonthsAt31March);

public sealed record AttainmentResponse(
    Guid Id, string ChildKey, int AcademicYear, int KeyStage, bool FiveOrMoreAToC, bool FiveOrMoreAToCIncludingEnglishAndMaths,
    bool LookedAfterTwelveMonthsAt31March, DateTimeOffset RecordedAt);

public static class AttainmentResults
{
    public static AttainmentResult Create(RecordAttainmentRequest r, RecordAuthor by) => new()
    {
        Id = Guid.CreateVersion7(),
        ChildKey = r.ChildKey!,
        AcademicYear = r.AcademicYear!.Value,
        KeyStage = r.KeyStage!.Value,
        FiveOrMoreAToC = r.FiveOrMoreAToC!.Value,
        FiveOrMoreAToCIncludingEnglishAndMaths = r.FiveOrMoreAToCIncludingEnglishAndMaths!.Value,
        LookedAfterTwelveMonthsAt31March = r.LookedAfterTwelveMonthsAt31March!.Value,
        SubmittedByAgency = by.Agency,
        SubmittedBy = by.Caller,
        RecordedAt = by.At,
    };

    public static AttainmentRecorded ToEvent(this AttainmentResult a) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = a.RecordedAt,
        SourceAgency = a.SubmittedByAgency,
        ChildKey = a.ChildKey,
        AcademicYear = a.AcademicYear,
        KeyStage = a.KeyStage,
        FiveOrMoreAToC = a.FiveOrMoreAToC,
        FiveOrMoreAToCIncludingEnglishAndMaths = a.FiveOrMoreAToCIncludingEnglishAndMaths,
        LookedAfterTwelveMonthsAt31March = a.LookedAfterTwelveMonthsAt31March,
    };

    public static AttainmentResponse ToResponse(this AttainmentResult a) => new(
        a.Id, a.ChildKey, a.AcademicYear, a.KeyStage, a.FiveOrMoreAToC, a.FiveOrMoreAToCIncludingEnglishAndMaths,
        a.LookedAfterTwelveMonthsAt31March, a.RecordedAt);
}
