namespace Partnership.YouthJustice.Apis;

/// <summary>
/// An offence outcome as the YOT or police system posts it. FirstTimeEntrant may be left out: the service then
/// decides from the outcomes it holds (a formal disposal with no earlier one for the child).
/// </summary>
public sealed record RecordOffenceOutcomeRequest(
    string? ChildKey,
    DateOnly? OffenceDate,
    DateOnly? OutcomeDate,
    string? Outcome,
    int? AgeAtOffence,
    bool? FirstTimeEntrant);

public sealed record OffenceOutcomeResponse(
    Guid Id,
    string ChildKey,
    DateOnly OffenceDate,
    DateOnly OutcomeDate,
    string Outcome,
    int AgeAtOffence,
    bool FirstTimeEntrant,
    string RecordedByAgency,
    DateTimeOffset RecordedAt);
