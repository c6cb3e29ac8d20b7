using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;
using NpgsqlTypes;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Ssda903;

/// <summary>Writes an import's rows, report and episode events with binary COPY inside the import's transaction.</summary>
public static class Ssda903YearWriter
{
    public static async Task WriteCommonAsync(NpgsqlBinaryImporter copy, Ssda903ImportState state, int line, Ssda903Child child, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(state.ImportId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(state.Year.EndYear, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(line, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(child.LocalId, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(child.ChildKey, NpgsqlDbType.Varchar, ct);
    }

    /// <summary>Kept episodes (of a batch), then one Ssda903EpisodeImported per kept episode.</summary>
    public static async Task<int> WriteEpisodesAsync(
        CareRegisterDbContext db, Ssda903ImportState state, IReadOnlyList<Ssda903Episode> kept, TimeProvider clock, CancellationToken ct)
    {
        if (kept.Count == 0)
        {
            return 0;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ssda903_episodes (import_id, collection_year, row_number, child, child_key, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn, short_break, pl_distance, within_20_miles) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var episode in kept)
            {
                await WriteCommonAsync(copy, state, episode.Line, episode.Child, ct);
                await copy.WriteAsync(episode.Start, NpgsqlDbType.Date, ct);
                await copy.WriteTextAsync(episode.ReasonNewEpisode, ct);
                await copy.WriteTextAsync(episode.LegalStatus, ct);
                await copy.WriteTextAsync(episode.CategoryOfNeed, ct);
                await copy.WriteTextAsync(episode.Placement, ct);
                await copy.WriteTextAsync(episode.ProviderCode, ct);
                await copy.WriteNullableAsync(episode.End, NpgsqlDbType.Date, ct);
                await copy.WriteTextAsync(episode.ReasonCeased, ct);
                await copy.WriteTextAsync(episode.ReasonPlaceChange, ct);
                await copy.WriteTextAsync(Truncate(episode.HomePostcode, 8), ct);
                await copy.WriteTextAsync(Truncate(episode.PlacementPostcode, 8), ct);
                await copy.WriteTextAsync(Truncate(episode.Urn, 10), ct);
                await copy.WriteAsync(episode.ShortBreak, NpgsqlDbType.Boolean, ct);
                await copy.WriteNullableAsync(episode.Miles, NpgsqlDbType.Double, ct);
                await copy.WriteNullableAsync(episode.WithinTwentyMiles, NpgsqlDbType.Boolean, ct);
                count++;
            }
            await copy.CompleteAsync(ct);
        }

        await db.AddIntegrationEventsAsync(kept.Select(episode => new Ssda903EpisodeImported
            {
                EventId = Guid.CreateVersion7(),
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
            }), clock, ct);
        return count;
    }

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
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY ssda903_import_issues (import_id, file, row, \"column\", rule, severity, message) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var issue in state.Issues.Listed)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(state.ImportId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(Truncate(issue.File, 200)!, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(issue.Row, NpgsqlDbType.Integer, ct);
            await copy.WriteTextAsync(issue.Column, ct);
            await copy.WriteAsync(issue.Rule, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(issue.Severity, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Truncate(issue.Message, 500)!, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
