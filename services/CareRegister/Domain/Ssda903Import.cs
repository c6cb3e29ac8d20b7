namespace Partnership.CareRegister.Domain;

/// <summary>One SSDA903 import of a collection year: its counts and whether a later import of the year replaced it.</summary>
public sealed class Ssda903Import
{
    public Guid Id { get; set; }
    public int CollectionYear { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public int Children { get; set; }
    public int Episodes { get; set; }
    public int Reviews { get; set; }
    public int Oc2Records { get; set; }
    public int Oc3Records { get; set; }
    public int MissingEpisodes { get; set; }
    public int UascRecords { get; set; }
    public int Ad1Records { get; set; }
    public int PlacedForAdoptionRecords { get; set; }
    /// <summary>Adoption milestone events derived from the adoption files and the children's episodes.</summary>
    public int AdoptionMilestones { get; set; }
    public int Oc2Cohort { get; set; }
    public int Oc3Cohort { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    /// <summary>Issues beyond the stored limit are counted in Errors/Warnings but not listed.</summary>
    public bool IssuesTruncated { get; set; }
    public Guid? SupersededBy { get; set; }
}

/// <summary>A rule failure found in a return: where it is, which rule, and whether the row was excluded.</summary>
public sealed class Ssda903ImportIssue
{
    public long Id { get; set; }
    public Guid ImportId { get; set; }
    public required string File { get; set; }
    /// <summary>The line in the file, counting the column header as line 1; null for a file-level issue.</summary>
    public int? Row { get; set; }
    public string? Column { get; set; }
    public required string Rule { get; set; }
    public required string Severity { get; set; }
    public required string Message { get; set; }
}
