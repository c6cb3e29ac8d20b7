using Partnership.ServiceDefaults.Retention;

namespace Partnership.CareRegister.Data;

/// <summary>
/// The care register's retention schedule where its stored columns can express it (docs/security.md): SSDA903 return
/// rows and their issue reports for the current and two previous collection years, the resolve audit for six years.
/// The import summaries (counts only) are kept as the record that a return was imported, and the SSDA903 child-key map
/// is kept so a later return gives the same children the same keys. Person records, episodes and reviews need the
/// care leaver's 25th birthday, which the register does not hold for every child, so they are not pruned here.
/// </summary>
public static class CareRegisterRetention
{
    private static readonly RetentionPeriod ReturnWindow = RetentionPeriod.ReportingYears(2);

    private static readonly string[] ReturnRowTables =
        ["ssda903_children", "ssda903_episodes", "ssda903_reviews", "ssda903_oc2", "ssda903_oc3", "ssda903_missing", "ssda903_uasc"];

    public static IReadOnlyList<RetentionPolicy> Policies { get; } =
    [
        .. ReturnRowTables.Select(table => new RetentionPolicy(table, table, RetentionColumn.YearEnding("collection_year"), ReturnWindow)),
        new("ssda903-import-issues", "ssda903_import_issues",
            RetentionColumn.YearEnding("""(SELECT i."CollectionYear" FROM ssda903_imports i WHERE i."Id" = ssda903_import_issues.import_id)"""),
            ReturnWindow),
        new("resolve-audit", "resolve_audit", RetentionColumn.Timestamp("\"At\""), RetentionPeriod.Years(6)),
    ];
}
