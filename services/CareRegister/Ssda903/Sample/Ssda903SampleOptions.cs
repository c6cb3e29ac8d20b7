namespace Partnership.CareRegister.Ssda903.Sample;

/// <summary>What to generate. The same options and seed always give byte-identical files.</summary>
public sealed record Ssda903SampleOptions
{
    public int CollectionYear { get; init; } = 2025;
    /// <summary>Children looked after at some point in the year (about 530 per local authority; ~80,000 nationally).</summary>
    public int ChildrenInCare { get; init; } = 550;
    /// <summary>Care leavers aged 17–21 with an OC3 row; by default 45 for every 100 children in care, as nationally.</summary>
    public int? CareLeavers { get; init; }
    /// <summary>
    /// Missing episodes in the year (~90,000 nationally, among about one child in eight in care). Null leaves it to
    /// chance: one to three episodes for about one child in eight.
    /// </summary>
    public int? MissingEpisodes { get; init; }
    public int Seed { get; init; } = 903;
    /// <summary>Adds rows that break known rules (each listed in the summary), on top of the conformant data.</summary>
    public bool InjectFailures { get; init; }
    /// <summary>Prefix of the CHILD ids, so samples of several authorities do not collide.</summary>
    public string ChildIdPrefix { get; init; } = "C";
}

public sealed record Ssda903InjectedFailure(string File, int Row, string Column, string Rule);

/// <summary>What the generated files contain when imported, counted as they were written (injected rows excluded).</summary>
public sealed record Ssda903SampleSummary(
    int Children,
    int Episodes,
    int Reviews,
    int Oc2Records,
    int Oc2Cohort,
    int Oc3Records,
    int Oc3Cohort,
    int MissingEpisodes,
    int UascRecords,
    int ShortBreakChildren,
    IReadOnlyList<Ssda903InjectedFailure> InjectedFailures,
    IReadOnlyList<string> Files)
{
    public int Ad1Records { get; init; }
    public int PlacedForAdoptionRecords { get; init; }
    /// <summary>The AdoptionMilestoneReached events the import should publish for these files.</summary>
    public int AdoptionMilestones { get; init; }
}
