namespace Partnership.CareRegister.Ssda903;

/// <summary>What a return's AD1 and Placed for adoption files say of one child (kept rows only).</summary>
public sealed class Ssda903AdoptionRecord
{
    public int? Ad1Line { get; set; }
    /// <summary>AD1 DATE_INT: the decision that the child should be placed for adoption.</summary>
    public DateOnly? DecisionOn { get; set; }
    /// <summary>AD1 DATE_MATCH: the child matched with the prospective adopters.</summary>
    public DateOnly? MatchedOn { get; set; }

    public int? PlacedLine { get; set; }
    /// <summary>The latest DATE_PLACED: the decision that the child should be placed for adoption now in force or last made.</summary>
    public DateOnly? ShouldBePlacedOn { get; set; }
    /// <summary>The latest DATE_PLACED_CEASED: a decision reversed (REASON_PLACED_CEASED RD1–RD4).</summary>
    public DateOnly? RevokedOn { get; set; }

    /// <summary>Where a warning about the child's adoption is reported: the AD1 row if any, else the Placed for adoption row.</summary>
    public (Ssda903FileKind File, int Line) ReportAt => Ad1Line is { } line ? (Ssda903FileKind.Ad1, line) : (Ssda903FileKind.PlacedForAdoption, PlacedLine ?? 0);
}
