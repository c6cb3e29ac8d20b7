using Partnership.CareRegister.Domain;

namespace Partnership.CareRegister.Ssda903;

/// <summary>A child of the return's Header file, with what the other files and the cohorts need of it.</summary>
public sealed class Ssda903Child(string localId, string childKey, DateOnly dateOfBirth, int ageAtYearEnd)
{
    public string LocalId { get; } = localId;
    public string ChildKey { get; } = childKey;
    public DateOnly DateOfBirth { get; } = dateOfBirth;
    public int AgeAtYearEnd { get; } = ageAtYearEnd;
    public int Line { get; init; }
    public short? Sex { get; init; }
    public string? Ethnicity { get; init; }
    public string? Upn { get; init; }
    public short? Mother { get; init; }
    public DateOnly? MotherChildDateOfBirth { get; init; }
    public bool Oc2Cohort { get; set; }
    public bool HasEpisode { get; set; }
    /// <summary>Every episode of the child in this return is a short break (V3/V4).</summary>
    public bool OnlyShortBreaks { get; set; } = true;
    /// <summary>The latest period of care in the kept episodes; null without any.</summary>
    public Ssda903CareChain? Chain { get; set; }
}

/// <summary>What one import run knows while it reads the files of a return; per-child state of the whole year lives in <see cref="Ssda903Staging"/>.</summary>
public sealed class Ssda903ImportState(Guid importId, Ssda903Year year, DateTimeOffset importedAt, string sourceAgency)
{
    public Guid ImportId { get; } = importId;
    public Ssda903Year Year { get; } = year;
    public DateTimeOffset ImportedAt { get; } = importedAt;
    public string SourceAgency { get; } = sourceAgency;
    public Ssda903IssueLog Issues { get; private set; } = new();

    /// <summary>Forgets what a rolled-back pass found, so the next pass reports each issue once.</summary>
    public void Restart()
    {
        Issues = new();
        Children = new(StringComparer.Ordinal);
        Adoption.Clear();
        CurrentFile = null;
    }

    /// <summary>The Header children named by the batch being read (looked up from the staging table batch by batch).</summary>
    public Dictionary<string, Ssda903Child> Children { get; set; } = new(StringComparer.Ordinal);

    public string? CurrentFile { get; set; }

    /// <summary>Set once the one-pass import (files in CHILD order) has written the year.</summary>
    public bool OnePass { get; set; }

    /// <summary>Set as the one pass's side transactions commit: from then on a failure must delete the year rows they hold.</summary>
    public bool SideCommitted { get; set; }
    public string EpisodesFile { get; set; } = "episodes.csv";

    /// <summary>
    /// What the adoption files said of each child (by CHILD), gathered from their kept rows. Only children of the AD1
    /// and Placed for adoption files are held: a few per hundred children in care.
    /// </summary>
    public Dictionary<string, Ssda903AdoptionRecord> Adoption { get; } = new(StringComparer.Ordinal);

    public Ssda903AdoptionRecord AdoptionOf(Ssda903Child child)
    {
        if (!Adoption.TryGetValue(child.LocalId, out var record))
        {
            Adoption[child.LocalId] = record = new Ssda903AdoptionRecord();
        }
        return record;
    }

    public Ssda903Child? Child(string? localId) => localId is not null && Children.TryGetValue(localId, out var child) ? child : null;
}
