namespace Partnership.CareRegister.Ssda903;

public static class Ssda903Severity
{
    /// <summary>The row is excluded from the stored and published data; it stays in the report.</summary>
    public const string Error = "error";
    /// <summary>The row is kept and published; the report flags it for the data team to correct.</summary>
    public const string Warning = "warning";
}

public sealed record Ssda903Issue(string File, int? Row, string? Column, string Rule, string Severity, string Message);

/// <summary>
/// Collects the rule failures of one import. Memory is bounded: past <see cref="MaxListed"/> issues are counted
/// but not kept (a badly broken national file could otherwise hold millions).
/// </summary>
public sealed class Ssda903IssueLog
{
    public const int MaxListed = 10_000;

    private readonly List<Ssda903Issue> _issues = [];

    public IReadOnlyList<Ssda903Issue> Listed => _issues;
    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public bool Truncated => Errors + Warnings > _issues.Count;

    public void Add(Ssda903Issue issue)
    {
        if (issue.Severity == Ssda903Severity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
        if (_issues.Count < MaxListed)
        {
            _issues.Add(issue);
        }
    }
}

/// <summary>Reports the issues of the row being read, and remembers whether any of them excludes it.</summary>
public sealed class Ssda903RowContext(Ssda903IssueLog? log, string file)
{
    public string File => file;
    public int Row { get; set; }
    public bool Excluded { get; private set; }

    public void Reset(int row)
    {
        Row = row;
        Excluded = false;
    }

    public void Error(string column, string rule, string message)
    {
        Excluded = true;
        log?.Add(new Ssda903Issue(file, Row, column, rule, Ssda903Severity.Error, message));
    }

    public void Warning(string column, string rule, string message) =>
        log?.Add(new Ssda903Issue(file, Row, column, rule, Ssda903Severity.Warning, message));
}

public static class Ssda903Rules
{
    public const string MissingColumn = "missing-column";
    public const string Unreadable = "unreadable-file";
    public const string Required = "required";
    public const string InvalidDate = "invalid-date";
    public const string InvalidCode = "invalid-code";
    public const string OutOfRange = "out-of-range";
    public const string DateOutOfYear = "date-out-of-year";
    public const string EndBeforeStart = "end-before-start";
    public const string UnknownChild = "unknown-child";
    public const string DuplicateChild = "duplicate-child";
    public const string EpisodeOverlap = "episode-overlap";
    public const string EpisodeGap = "episode-gap";
    public const string CeasedReasonMismatch = "dec-rec-mismatch";
    public const string NotInCohort = "not-in-cohort";
    public const string FileNotImported = "file-not-imported";
    public const string UnrecognisedFile = "unrecognised-file";
    public const string InvalidDistance = "invalid-distance";
    public const string InvalidPostcode = "invalid-postcode";
    public const string PostcodeNotLocated = "postcode-not-located";
    public const string DateOrder = "date-order";
    public const string AdoptersInconsistent = "adopters-inconsistent";
    public const string NoEpisodes = "no-episodes";
    public const string AdoptionNotReported = "adoption-not-reported";
    public const string AdoptionEpisodeMissing = "adoption-episode-missing";
    public const string PeriodStartUnknown = "period-start-unknown";
}
