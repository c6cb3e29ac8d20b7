using Partnership.Contracts.YouthJustice.V1;

namespace Partnership.YouthJustice.Domain;

/// <summary>The outcome of an offence by a child in care: feeds indicator 4.1 and the first-time entrant count.</summary>
public sealed class OffenceOutcome
{
    /// <summary>The age of criminal responsibility in England and Wales.</summary>
    public const int MinimumAge = 10;

    /// <summary>Youth justice covers offences committed before the 18th birthday.</summary>
    public const int MaximumAge = 17;

    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public DateOnly OffenceDate { get; set; }
    public DateOnly OutcomeDate { get; set; }
    public OffenceOutcomeType Outcome { get; set; }
    public int AgeAtOffence { get; set; }
    public bool FirstTimeEntrant { get; set; }
    public required string RecordedByAgency { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>
    /// Formal disposals (caution, conditional caution, conviction, custody) are what make a child a first-time entrant
    /// to the youth justice system; remand, diversion and no further action do not.
    /// </summary>
    public static bool IsFormalDisposal(OffenceOutcomeType outcome) => outcome is
        OffenceOutcomeType.YouthCaution or OffenceOutcomeType.YouthConditionalCaution or OffenceOutcomeType.Conviction or OffenceOutcomeType.Custody;
}
