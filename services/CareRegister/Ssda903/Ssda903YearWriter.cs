using Partnership.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Ssda903;

/// <summary>Writes an import's rows, report and episode events with binary COPY inside the import's transaction.</summary>
public static class Ssda903YearWriter
{
    /// <summary>The columns every import table starts with, written by <see cref="WriteCommon"/>.</summary>
    public static readonly string[] CommonColumns = ["import_id", "collection_year", "row_number", "child", "child_key"];

    public static void WriteCommon(BinaryCopyWriter copy, Ssda903ImportState state, int line, Ssda903Child child)
    {
        copy.StartRow();
        copy.Write(state.ImportId);
        copy.Write(state.Year.EndYear);
        copy.Write(line);
        copy.Write(child.LocalId);
        copy.Write(child.ChildKey);
    }

    /// <summary>The links made for CHILD ids seen for the first time, so later years give the child the same key.</summary>
    public static async Task WriteKeyLinksAsync(NpgsqlConnection connection, IReadOnlyList<(string LocalId, string ChildKey)> newLinks,
        DateTimeOffset linkedAt, CancellationToken ct)
    {
        if (newLinks.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, "ssda903_child_keys", ["local_child_id", "child_key", "created_at"], ct);
        foreach (var (localId, key) in newLinks)
        {
            copy.StartRow();
            copy.Write(localId);
            copy.Write(key);
            copy.Write(linkedAt);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>ssda903_children rows for children whose episodes have been judged (what they decided is on the child).</summary>
    public static async Task WriteChildrenAsync(NpgsqlConnection connection, Ssda903ImportState state, IReadOnlyList<Ssda903Child> children,
        CancellationToken ct)
    {
        if (children.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, "ssda903_children",
            [.. CommonColumns, "sex", "dob", "ethnic", "upn", "mother", "mc_dob", "age_at_year_end", "oc2_cohort", "short_breaks_only"], ct);
        foreach (var child in children)
        {
            WriteCommon(copy, state, child.Line, child);
            copy.Write(child.Sex);
            copy.Write(child.DateOfBirth);
            copy.Write(child.Ethnicity);
            copy.Write(child.Upn);
            copy.Write(child.Mother);
            copy.Write(child.MotherChildDateOfBirth);
            copy.Write(child.AgeAtYearEnd);
            copy.Write(child.Oc2Cohort);
            copy.Write(child.HasEpisode && child.OnlyShortBreaks);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>One Ssda903EpisodeImported per kept episode (of a fetch).</summary>
    public static async Task WriteEpisodeEventsAsync(
        CareRegisterDbContext db, Ssda903ImportState state, IReadOnlyList<Ssda903Episode> kept, TimeProvider clock, CancellationToken ct)
    {
        if (kept.Count > 0)
        {
            await db.AddIntegrationEventsAsync(EpisodeEvents(state, kept), clock, ct);
        }
    }

    /// <summary>The kept episodes' events encoded for a later outbox COPY; null when there are none.</summary>
    public static BinaryCopyWriter? HoldEpisodeEvents(Ssda903ImportState state, IReadOnlyList<Ssda903Episode> kept, TimeProvider clock) =>
        kept.Count == 0 ? null : OutboxBulkWriter.HoldIntegrationEvents(EpisodeEvents(state, kept), clock);

    private static IEnumerable<Ssda903EpisodeImported> EpisodeEvents(Ssda903ImportState state, IReadOnlyList<Ssda903Episode> kept) =>
        kept.Select(episode => new Ssda903EpisodeImported
        {
            EventId = Ssda903EventIds.Next(),
            OccurredAt = state.ImportedAt,
            SourceAgency = state.SourceAgency,
            ChildKey = episode.Child.ChildKey,
            ImportId = state.ImportId,
            CollectionYear = state.Year.EndYear,
            Start = episode.Start,
            End = episode.End,
            ReasonNewEpisode = episode.ReasonNewEpisode,
            LegalStatus = episode.LegalStatus,
            PlacementType = episode.Placement,
            Provider = episode.Provider,
            ReasonCeased = episode.ReasonCeased,
            AgeAtYearEnd = episode.Child.AgeAtYearEnd,
            ShortBreak = episode.ShortBreak,
            LookedAfterTwelveMonthsAtYearEnd = episode.Child.Oc2Cohort,
            WithinTwentyMiles = episode.WithinTwentyMiles,
        });

    public static async Task WriteImportAsync(NpgsqlConnection connection, Ssda903ImportState state, Ssda903Counts counts, string importedBy, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO ssda903_imports ("Id", "CollectionYear", "ImportedAt", "ImportedBy", "Children", "Episodes", "Reviews", "Oc2Records",
                "Oc3Records", "MissingEpisodes", "UascRecords", "Ad1Records", "PlacedForAdoptionRecords", "AdoptionMilestones", "Oc2Cohort", "Oc3Cohort",
                "Errors", "Warnings", "IssuesTruncated")
            VALUES (@id, @year, @at, @by, @children, @episodes, @reviews, @oc2, @oc3, @missing, @uasc, @ad1, @placed, @milestones, @oc2cohort, @oc3cohort,
                @errors, @warnings, @truncated);
            UPDATE ssda903_imports SET "SupersededBy" = @id WHERE "CollectionYear" = @year AND "Id" <> @id AND "SupersededBy" IS NULL;
            """, connection);
        command.Parameters.AddWithValue("id", state.ImportId);
        command.Parameters.AddWithValue("year", state.Year.EndYear);
        command.Parameters.AddWithValue("at", state.ImportedAt);
        command.Parameters.AddWithValue("by", importedBy);
        command.Parameters.AddWithValue("children", counts.Children);
        command.Parameters.AddWithValue("episodes", counts.Episodes);
        command.Parameters.AddWithValue("reviews", counts.Reviews);
        command.Parameters.AddWithValue("oc2", counts.Oc2);
        command.Parameters.AddWithValue("oc3", counts.Oc3);
        command.Parameters.AddWithValue("missing", counts.Missing);
        command.Parameters.AddWithValue("uasc", counts.Uasc);
        command.Parameters.AddWithValue("ad1", counts.Ad1);
        command.Parameters.AddWithValue("placed", counts.PlacedForAdoption);
        command.Parameters.AddWithValue("milestones", counts.AdoptionMilestones);
        command.Parameters.AddWithValue("oc2cohort", counts.Oc2Cohort);
        command.Parameters.AddWithValue("oc3cohort", counts.Oc3Cohort);
        command.Parameters.AddWithValue("errors", state.Issues.Errors);
        command.Parameters.AddWithValue("warnings", state.Issues.Warnings);
        command.Parameters.AddWithValue("truncated", state.Issues.Truncated);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task WriteIssuesAsync(NpgsqlConnection connection, Ssda903ImportState state, CancellationToken ct)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, "ssda903_import_issues",
            ["import_id", "file", "row", "\"column\"", "rule", "severity", "message"], ct);
        // By file and row, whichever order the import found them in.
        foreach (var issue in state.Issues.Listed.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0))
        {
            copy.StartRow();
            copy.Write(state.ImportId);
            copy.Write(Truncate(issue.File, 200)!);
            copy.Write(issue.Row);
            copy.Write(issue.Column);
            copy.Write(issue.Rule);
            copy.Write(issue.Severity);
            copy.Write(Truncate(issue.Message, 500)!);
        }
        await copy.CompleteAsync(ct);
    }

    internal static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
