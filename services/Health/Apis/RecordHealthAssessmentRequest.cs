namespace Partnership.Health.Apis;

/// <summary>
/// What the health team's system posts. Type is a string so an unknown value is a field error, not a parse failure.
/// </summary>
public sealed record RecordHealthAssessmentRequest(
    string? ChildKey,
    string? AssessmentType,
    DateOnly? DueDate,
    DateOnly? CompletedOn,
    bool? DentalCheckUpToDate,
    bool? ImmunisationsUpToDate,
    int? SdqScore);

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
    DateTimeOffset RecordedAt);
