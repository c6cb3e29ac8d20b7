using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.Retention.Tests.Infrastructure;
using Partnership.Testing;

namespace Partnership.Retention.Tests;

/// <summary>
/// SSDA903 return rows and issue reports: the current collection year and two before it stay (on 26 November 2026
/// that is the years ending 2027, 2026 and 2025); the resolve audit stays six years.
/// </summary>
public sealed class CareRegisterRetentionTests(CareRegisterRetentionTests.Host host) : IClassFixture<CareRegisterRetentionTests.Host>
{
    public sealed class Host() : ServiceFixture<CareRegisterDbContext>("careregisterdb");

    private static readonly int[] Years = [2022, 2023, 2024, 2025, 2026, 2027];
    private static readonly string[] KeptYears = ["2025", "2026", "2027"];

    private readonly Sql _sql = new(host.Service.ConnectionString);

    [Fact]
    public async Task Return_rows_and_issues_of_years_before_the_last_three_go_and_the_audit_after_six_years()
    {
        var imports = new Dictionary<int, Guid>();
        foreach (var year in Years)
        {
            imports[year] = await PlantReturnAsync(year);
        }
        var auditBefore = await PlantAuditAsync(RetentionRun.Now.AddYears(-6).AddDays(-1));
        var auditWithin = await PlantAuditAsync(RetentionRun.Now.AddYears(-6).AddDays(1));

        var dryRun = await RetentionRun.RunAsync(host.Service.Services, dryRun: true);
        Assert.Equal(6, dryRun.Rows("ssda903_children", "ssda903_children"));
        Assert.Equal(3, dryRun.Rows("ssda903_missing", "ssda903_missing"));
        Assert.Equal(9, dryRun.Rows("ssda903-import-issues", "ssda903_import_issues"));
        Assert.Equal(1, dryRun.Rows("resolve-audit", "resolve_audit"));
        Assert.Equal(12, await _sql.CountAsync("SELECT count(*) FROM ssda903_children"));
        Assert.Equal(18, await _sql.CountAsync("SELECT count(*) FROM ssda903_import_issues"));
        Assert.Equal(2, await _sql.CountAsync("SELECT count(*) FROM resolve_audit"));

        var run = await RetentionRun.RunAsync(host.Service.Services);
        Assert.Equal(6, run.Rows("ssda903_children", "ssda903_children"));
        Assert.Equal(9, run.Rows("ssda903-import-issues", "ssda903_import_issues"));
        Assert.Equal(KeptYears, await _sql.StringsAsync("SELECT DISTINCT collection_year FROM ssda903_children"));
        Assert.Equal(KeptYears, await _sql.StringsAsync("SELECT DISTINCT collection_year FROM ssda903_missing"));
        Assert.Equal(KeptYears, await _sql.StringsAsync("""
            SELECT DISTINCT i."CollectionYear" FROM ssda903_import_issues s JOIN ssda903_imports i ON i."Id" = s.import_id
            """));
        Assert.Equal(9, await _sql.CountAsync("SELECT count(*) FROM ssda903_import_issues"));
        // The import summaries (counts only) are the record that a return was made, and stay.
        Assert.Equal(Years.Length, await _sql.CountAsync("SELECT count(*) FROM ssda903_imports"));
        Assert.Equal([auditWithin.ToString()], await _sql.StringsAsync("""SELECT "Id" FROM resolve_audit"""));
        Assert.NotEqual(auditBefore, auditWithin);
    }

    private async Task<Guid> PlantReturnAsync(int year)
    {
        var importId = Guid.NewGuid();
        await host.Service.WithServiceAsync<CareRegisterDbContext, int>(db =>
        {
            db.Imports.Add(new Ssda903Import { Id = importId, CollectionYear = year, ImportedAt = RetentionRun.Now, ImportedBy = "retention-tests" });
            for (var i = 0; i < 3; i++)
            {
                db.ImportIssues.Add(new Ssda903ImportIssue { ImportId = importId, File = "header.csv", Row = i + 2, Rule = "test", Severity = "warning", Message = "planted" });
            }
            return db.SaveChangesAsync();
        });
        for (var i = 0; i < 2; i++)
        {
            await _sql.ExecuteAsync("""
                INSERT INTO ssda903_children (import_id, collection_year, row_number, child, child_key, dob, age_at_year_end, oc2_cohort, short_breaks_only)
                VALUES (@import, @year, @row, @child, @key, DATE '2012-05-01', @age, false, false)
                """, ("import", importId), ("year", year), ("row", i + 2), ("child", $"R{year}{i}"), ("key", $"RET-{year}-{i}"), ("age", year - 2013));
        }
        await _sql.ExecuteAsync("""
            INSERT INTO ssda903_missing (import_id, collection_year, row_number, child, child_key, missing, mis_start)
            VALUES (@import, @year, 2, @child, @key, 'M', @start)
            """, ("import", importId), ("year", year), ("child", $"R{year}0"), ("key", $"RET-{year}-0"), ("start", new DateOnly(year - 1, 6, 1)));
        return importId;
    }

    private Task<long> PlantAuditAsync(DateTimeOffset at) =>
        host.Service.WithServiceAsync<CareRegisterDbContext, long>(async db =>
        {
            var audit = new ResolveAudit { At = at, Caller = "retention-tests", Agency = "health", IdentifierType = "NhsNumber", Found = true, Outcome = "Resolved" };
            db.ResolveAudits.Add(audit);
            await db.SaveChangesAsync();
            return audit.Id;
        });
}
