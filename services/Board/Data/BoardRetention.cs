using Partnership.ServiceDefaults.Retention;

namespace Partnership.Board.Data;

/// <summary>
/// Board facts are kept for the current reporting year and the seven complete ones before it (docs/security.md), so
/// the default rebuild (<c>RebuildApi.DefaultYears</c>, eight years) never recomputes a year whose facts are gone.
/// A fact can count in a later period than its own date (a child who entered care ten years ago is still in care), so
/// facts go per child: only when none of that child's facts reaches into the kept years is the child outside every
/// kept period, and only then are its facts deleted. Snapshots, manual values and import summaries are aggregates and
/// kept permanently; manual values are append-only in the database anyway.
/// </summary>
public static class BoardRetention
{
    private static readonly RetentionPeriod FactWindow = RetentionPeriod.ReportingYears(7);

    private const string LatestDate = "greatest(on_date, coalesce(other_date, on_date))";

    public static IReadOnlyList<RetentionPolicy> Policies { get; } =
    [
        new("child-facts", BoardDbContext.ChildFactsTable, RetentionColumn.Date(LatestDate), FactWindow,
            $"NOT EXISTS (SELECT 1 FROM {BoardDbContext.ChildFactsTable} newer WHERE newer.child = {BoardDbContext.ChildFactsTable}.child AND greatest(newer.on_date, coalesce(newer.other_date, newer.on_date)) >= @cutoff)"),
        new("health-assessment-facts", "health_assessment_facts", RetentionColumn.Date("\"CompletedOn\""), FactWindow,
            """NOT EXISTS (SELECT 1 FROM health_assessment_facts newer WHERE newer."ChildPseudonym" = health_assessment_facts."ChildPseudonym" AND newer."CompletedOn" >= @cutoff)"""),
    ];
}
