namespace Partnership.Sharing.Domain;

/// <summary>
/// The newest whole-years age an agency event reported for a child, and when. Shares that depend on adulthood
/// (an adult's consent is their own; leaving care at 18+) read it; no date of birth is ever held.
/// </summary>
public sealed class ChildAge
{
    public required string ChildKey { get; set; }
    public int AgeYears { get; set; }
    public DateOnly AsOf { get; set; }

    /// <summary>A lower bound on the age today: whole years elapsed since the report are added, never more.</summary>
    public int AgeOn(DateOnly day) => AgeYears + Math.Max(0, (day.DayNumber - AsOf.DayNumber) / 366);
}
