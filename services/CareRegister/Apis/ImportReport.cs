using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;

namespace Partnership.CareRegister.Apis;

public sealed record ImportCounts(
    int Children, int Episodes, int Reviews, int Oc2Records, int Oc3Records, int MissingEpisodes, int UascRecords, int Oc2Cohort, int Oc3Cohort,
    int Ad1Records, int PlacedForAdoptionRecords, int AdoptionMilestones);

public sealed record ImportIssueResponse(string File, int? Row, string? Column, string Rule, string Severity, string Message);

/// <summary>
/// An import's result. Policy: rows with errors are excluded from the stored and published data and listed here;
/// rows with warnings are kept and published and listed here. Past 10,000 issues, the rest are counted only.
/// </summary>
public sealed record ImportReport(
    Guid ImportId,
    int CollectionYear,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    Guid? SupersededBy,
    ImportCounts Counts,
    int Errors,
    int Warnings,
    bool IssuesTruncated,
    IReadOnlyList<ImportIssueResponse> Issues);

public static class ImportReports
{
    public static async Task<ImportReport?> LoadAsync(CareRegisterDbContext db, Guid id, CancellationToken ct)
    {
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return null;
        }
        var issues = await db.ImportIssues.AsNoTracking().Where(i => i.ImportId == id).OrderBy(i => i.Id)
            .Select(i => new ImportIssueResponse(i.File, i.Row, i.Column, i.Rule, i.Severity, i.Message))
            .ToListAsync(ct);
        return new ImportReport(
            import.Id, import.CollectionYear, import.ImportedAt, import.ImportedBy, import.SupersededBy,
            new ImportCounts(import.Children, import.Episodes, import.Reviews, import.Oc2Records, import.Oc3Records,
                import.MissingEpisodes, import.UascRecords, import.Oc2Cohort, import.Oc3Cohort,
                import.Ad1Records, import.PlacedForAdoptionRecords, import.AdoptionMilestones),
            import.Errors, import.Warnings, import.IssuesTruncated, issues);
    }
}
