namespace Partnership.Health.Apis;

/// <summary>
/// What the health team's system posts. Type is a string so an unknown value is a field error, not a parse failure.
/// Instead of a due date the caller may give EnteredCareOn (initial assessments: due 20 working days later) or AgeYears
/// (reviews: due 6 or 12 months after the child's previous assessment held here). The later fields are optional
/// parameters so existing callers and code keep working.
/// </summary>
public sealed record RecordHealthAssessmentRequest(
    string? ChildKey,
    string? AssessmentType,
    DateOnly? DueDate,
    DateOnly? CompletedOn,
    bool? DentalCheckUpToDate,
    bool? ImmunisationsUpToDate,
    int? SdqScore,
    bool? WishesAndFeelingsRecorded = null,
    DateOnly? EnteredCareOn = null,
    int? AgeYears = null);

public sealed record HealthAssessmentResponse(
    Guid Id,
    string ChildKey,
    string AssessmentType,
    DateOnly DueDate,
    DateOnly CompletedOn,
    bool WithinTimescale,
    bool? DentalCheckUpToDate,
    bool? ImmunisationsUpToDate,
    int? SdqScore,
    DateTimeOffset RecordedAt,
    bool? WishesAndFeelingsRecorded,
    DateOnly? EnteredCareOn,
    int? AgeYears,
    DateOnly? NextReviewDue);
