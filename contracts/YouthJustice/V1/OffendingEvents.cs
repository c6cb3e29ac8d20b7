namespace Partnership.Contracts.YouthJustice.V1;

public enum OffenceOutcomeType
{
    YouthCaution = 1,
    YouthConditionalCaution = 2,
    Conviction = 3,
    Custody = 4,
    Remand = 5,
    RestorativeOrDiversion = 6,
    NoFurtherAction = 7,
}

public sealed record OffenceOutcomeRecorded : IntegrationEvent
{
    public required Guid OutcomeId { get; init; }
    public required DateOnly OutcomeDate { get; init; }
    public required OffenceOutcomeType Outcome { get; init; }
    /// <summary>Age in whole years at the offence; the criminal age of responsibility is 10.</summary>
    public required int AgeAtOffence { get; init; }
    public required bool FirstTimeEntrant { get; init; }
}
