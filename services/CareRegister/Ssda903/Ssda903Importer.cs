using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Partnership.CareRegister.Data;
using Npgsql;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Imports one collection year of an SSDA903 return: the same code path for the HTTP endpoint and the command line.
/// Files are streamed record by record and written with binary COPY; the whole year (rows, report and outbox events)
/// is replaced in one transaction, so a re-import never doubles counts and a failed one leaves the last good one.
/// </summary>
public sealed partial class Ssda903Importer(TimeProvider clock, ILogger<Ssda903Importer> logger)
{
    /// <summary>Records read, looked up and written together: what bounds the import's memory.</summary>
    public const int BatchSize = 5_000;

    /// <summary>The tables that hold a year's rows, each with its import id and collection year.</summary>
    public static readonly IReadOnlyList<string> YearTables =
    [
        "ssda903_children", "ssda903_episodes", "ssda903_reviews", "ssda903_oc2", "ssda903_oc3", "ssda903_missing", "ssda903_uasc",
        "ssda903_ad1", "ssda903_placed_adoption",
    ];

    /// <summary>Imports on the context's connection, in a transaction of its own, so EF's commit hook wakes the outbox dispatcher.</summary>
    public async Task<Ssda903ImportOutcome> ImportAsync(
        CareRegisterDbContext db, int collectionYear, IReadOnlyList<Ssda903Source> sources, string importedBy, CancellationToken ct)
    {
        var state = new Ssda903ImportState(Guid.CreateVersion7(), new Ssda903Year(collectionYear), clock.GetUtcNow(), Agencies.SocialCare);
        var plan = Classify(sources, state, out var rejection);
        if (rejection is not null)
        {
            return Ssda903ImportOutcome.Rejected(rejection);
        }
        rejection = await CheckStructureAsync(plan, ct);
        if (rejection is not null)
        {
            LogRejected(collectionYear, rejection.Errors.Count);
            return Ssda903ImportOutcome.Rejected(rejection);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var counts = await ImportYearAsync(db, plan, state, importedBy, ct);
            await transaction.CommitAsync(ct);
            LogImported(state.ImportId, collectionYear, counts.Children, counts.Episodes, state.Issues.Errors, state.Issues.Warnings);
            return Ssda903ImportOutcome.Imported(state.ImportId, state.OnePass);
        }
        catch (Exception) when (state.SideCommitted)
        {
            // The year did not commit, but the one pass's side transaction had: its rows must not outlive the import.
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
                // The rollback closed the connection EF had opened for the transaction.
                await db.Database.OpenConnectionAsync(CancellationToken.None);
                try
                {
                    await DiscardYearRowsAsync((NpgsqlConnection)db.Database.GetDbConnection(), state);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            catch (Exception discard) when (discard is NpgsqlException or InvalidOperationException)
            {
                LogSideRowsKept(discard, state.ImportId, collectionYear);
            }
            throw;
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            // A file that breaks CSV rules part-way through cannot be trusted: the transaction is rolled back whole.
            await transaction.RollbackAsync(CancellationToken.None);
            var file = state.CurrentFile ?? "return";
            LogRejected(collectionYear, 1);
            return Ssda903ImportOutcome.Rejected(new Ssda903Rejection("An SSDA903 file is not readable CSV.",
                new Dictionary<string, string[]> { [file] = [$"The file is not readable CSV near record {(ex as CsvFormatException)?.RecordNumber}: {ex.Message}"] },
                new Dictionary<string, string[]>()));
        }
    }

    private sealed record PlannedFile(Ssda903Source Source, Ssda903FileKind Kind);

    private static Dictionary<Ssda903FileKind, PlannedFile> Classify(IReadOnlyList<Ssda903Source> sources, Ssda903ImportState state, out Ssda903Rejection? rejection)
    {
        var plan = new Dictionary<Ssda903FileKind, PlannedFile>();
        var errors = new Dictionary<string, string[]>();
        foreach (var source in sources)
        {
            if (Ssda903Files.Recognise(source.FileName) is not { } kind)
            {
                state.Issues.Add(new Ssda903Issue(source.FileName, null, null, Ssda903Rules.UnrecognisedFile, Ssda903Severity.Warning,
                    "The file name does not say which SSDA903 file it is; the file was not imported."));
                continue;
            }
            if (Ssda903Files.NotImported.Contains(kind))
            {
                state.Issues.Add(new Ssda903Issue(source.FileName, null, null, Ssda903Rules.FileNotImported, Ssda903Severity.Warning,
                    $"{kind} files are recognised but not imported by this version of the care register."));
                continue;
            }
            if (plan.TryGetValue(kind, out var earlier))
            {
                errors[source.FileName] = [$"A second {kind} file: {earlier.Source.FileName} is already the {kind} file of this return."];
                continue;
            }
            plan[kind] = new PlannedFile(source, kind);
        }
        foreach (var mandatory in Ssda903Files.Mandatory.Where(k => !plan.ContainsKey(k)))
        {
            errors[mandatory.ToString()] = [$"The return has no {mandatory} file."];
        }
        rejection = errors.Count > 0
            ? new Ssda903Rejection("The SSDA903 return is incomplete.", errors, new Dictionary<string, string[]>())
            : null;
        return plan;
    }

    /// <summary>Reads only the column header of every file: a missing column rejects the return before anything is written.</summary>
    private static async Task<Ssda903Rejection?> CheckStructureAsync(Dictionary<Ssda903FileKind, PlannedFile> plan, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var missing = new Dictionary<string, string[]>();
        foreach (var (kind, planned) in plan)
        {
            try
            {
                await using var file = await Ssda903CsvFile.OpenAsync(planned.Source.Open(), ct);
                var absent = file.MissingColumns(Ssda903Files.RequiredColumns[kind]);
                if (absent.Count > 0)
                {
                    missing[planned.Source.FileName] = [.. absent];
                    errors[planned.Source.FileName] = [.. absent.Select(c => $"Required column {c} is missing.")];
                }
            }
            catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException or IOException)
            {
                errors[planned.Source.FileName] = [$"The file is not readable CSV: {ex.Message}"];
            }
        }
        return errors.Count > 0 ? new Ssda903Rejection("The SSDA903 return is structurally invalid; nothing was imported.", errors, missing) : null;
    }

    private async Task<Ssda903Counts> ImportYearAsync(
        CareRegisterDbContext db, Dictionary<Ssda903FileKind, PlannedFile> plan, Ssda903ImportState state, string importedBy, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var year = state.Year.EndYear;
        var timings = new Ssda903ImportTimings();
        await ReplaceYearAsync(connection, year, ct);
        timings.Mark("replace year");

        string FileName(Ssda903FileKind kind) => plan.TryGetValue(kind, out var planned) ? planned.Source.FileName : kind.ToString();
        Ssda903Counts counts;
        // Most returns come sorted by CHILD and take one pass; a file out of order rolls that pass back to here.
        await ExecuteAsync(connection, "SAVEPOINT ssda903_one_pass", ct);
        try
        {
            var onePass = new Ssda903SortedImport(db, state, clock);
            counts = await onePass.RunAsync(plan.ToDictionary(p => p.Key, p => p.Value.Source), FileName, ct);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT ssda903_one_pass", ct);
            state.OnePass = true;
            timings.Mark("one pass");
            timings.Note(onePass.Overlap);
        }
        catch (Ssda903UnsortedException unsorted)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT ssda903_one_pass", ct);
            LogUnsorted(year, unsorted.FileName);
            state.Restart();
            timings.Mark("one pass rolled back");
            counts = await ImportStagedAsync(db, plan, state, timings, FileName, ct);
        }

        counts.Oc3Cohort = (int)await ScalarAsync(connection,
            "SELECT count(*) FROM ssda903_oc3 WHERE import_id = @id AND in_cohort", ct, ("id", state.ImportId));

        await Ssda903YearWriter.WriteImportAsync(connection, state, counts, importedBy, ct);
        await Ssda903YearWriter.WriteIssuesAsync(connection, state, ct);
        Ssda903YearImported[] completed =
        [
            new()
            {
                EventId = Guid.CreateVersion7(),
                OccurredAt = state.ImportedAt,
                SourceAgency = state.SourceAgency,
                ChildKey = Ssda903YearImported.NoChild,
                ImportId = state.ImportId,
                CollectionYear = year,
                Children = counts.Children,
                Episodes = counts.Episodes,
                Oc2Records = counts.Oc2,
                Oc3Records = counts.Oc3,
                MissingEpisodes = counts.Missing,
                Reviews = counts.Reviews,
                Oc2Cohort = counts.Oc2Cohort,
                Oc3Cohort = counts.Oc3Cohort,
                RowErrors = state.Issues.Errors,
                RowWarnings = state.Issues.Warnings,
            },
        ];
        // Last, so a consumer that sees it has already been sent every event of the year.
        await db.AddIntegrationEventsAsync(completed, clock, ct);
        timings.Mark("report");
        LogTimings(year, timings.ToString());
        return counts;
    }

    /// <summary>The path for a return with a file out of CHILD order: what it knows of the children is staged in temporary tables.</summary>
    private async Task<Ssda903Counts> ImportStagedAsync(CareRegisterDbContext db, Dictionary<Ssda903FileKind, PlannedFile> plan, Ssda903ImportState state,
        Ssda903ImportTimings timings, Func<Ssda903FileKind, string> fileName, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var staging = new Ssda903Staging(connection);
        await staging.CreateAsync(ct);
        var counts = new Ssda903Counts();
        var header = plan[Ssda903FileKind.Header].Source;
        state.CurrentFile = header.FileName;
        await using (var file = await Ssda903CsvFile.OpenAsync(header.Open(), ct))
        {
            await Ssda903HeaderReader.ReadAsync(file, staging, state, header.FileName, ct);
        }
        timings.Mark("header");

        var episodesSource = plan[Ssda903FileKind.Episodes].Source;
        state.CurrentFile = episodesSource.FileName;
        state.EpisodesFile = episodesSource.FileName;
        await using (var file = await Ssda903CsvFile.OpenAsync(episodesSource.Open(), ct))
        {
            await Ssda903EpisodeReader.WriteAsync(file, staging, state, episodesSource.FileName, ct);
        }
        state.CurrentFile = null;
        timings.Mark("episodes written");
        counts.Episodes = await Ssda903EpisodeStream.JudgeAsync(db, staging, state, episodesSource.FileName, clock, ct);
        timings.Mark("episode rules and events");
        (counts.Children, counts.Oc2Cohort) = await staging.WriteChildrenAsync(state, ct);
        timings.Mark("children");

        counts.Reviews = await ImportRowFileAsync(db, staging, plan, new Ssda903ReviewsFile(), state, timings, ct);
        counts.Uasc = await ImportRowFileAsync(db, staging, plan, new Ssda903UascFile(), state, timings, ct);
        counts.Oc2 = await ImportRowFileAsync(db, staging, plan, new Ssda903Oc2File(), state, timings, ct);
        counts.Oc3 = await ImportRowFileAsync(db, staging, plan, new Ssda903Oc3File(), state, timings, ct);
        counts.Missing = await ImportRowFileAsync(db, staging, plan, new Ssda903MissingFile(), state, timings, ct);
        counts.Ad1 = await ImportRowFileAsync(db, staging, plan, new Ssda903Ad1File(), state, timings, ct);
        counts.PlacedForAdoption = await ImportRowFileAsync(db, staging, plan, new Ssda903PlacedForAdoptionFile(), state, timings, ct);
        counts.AdoptionMilestones = await Ssda903AdoptionMilestones.WriteAsync(db, staging, state, fileName, clock, ct);
        timings.Mark("milestones");
        return counts;
    }

    /// <summary>
    /// A file of independent rows, a batch at a time: the batch's children (and the keys its duplicate rule has
    /// seen) are looked up, its rows judged, the kept ones COPYed and their events staged, before the next batch.
    /// </summary>
    private async Task<int> ImportRowFileAsync<TRow>(CareRegisterDbContext db, Ssda903Staging staging,
        Dictionary<Ssda903FileKind, PlannedFile> plan, Ssda903RowFile<TRow> rows, Ssda903ImportState state, Ssda903ImportTimings timings,
        CancellationToken ct)
        where TRow : class
    {
        if (!plan.TryGetValue(rows.Kind, out var planned))
        {
            return 0;
        }
        var connection = staging.Connection;
        var source = planned.Source;
        state.CurrentFile = source.FileName;
        var context = new Ssda903RowContext(state.Issues, source.FileName);
        var kept = new List<(TRow Row, int Line)>();
        var count = 0;
        await using (var file = await Ssda903CsvFile.OpenAsync(source.Open(), ct))
        {
            while (await file.ReadBatchAsync(BatchSize, ct) is var read and > 0)
            {
                var ids = file.BatchValues("CHILD").ToList();
                state.Children = await staging.ChildrenAsync(ids, ct);
                if (rows.Seen is { } seen)
                {
                    await seen.LoadAsync(connection, ids, ct);
                }
                kept.Clear();
                for (var i = 0; i < read; i++)
                {
                    file.Select(i);
                    rows.ReadSelected(file, context, state, kept);
                }
                if (rows.Seen is { } used)
                {
                    await used.SaveAsync(connection, ct);
                }
                await rows.WriteKeptAsync(connection, kept, state, ct);
                if (rows.PublishesEvents && kept.Count > 0)
                {
                    await rows.WriteEventsAsync(db, kept.Select(k => k.Row), state, clock, ct);
                }
                count += kept.Count;
            }
        }
        state.Children = new(StringComparer.Ordinal);
        state.CurrentFile = null;
        timings.Mark(rows.Kind.ToString());
        return count;
    }

    /// <summary>
    /// Takes the year's lock and deletes its earlier rows in one round trip. Sent one by one, the ten statements took
    /// 5–10 ms of the bench's 0.3–0.4 s imports of a tenth of a national year, into databases with nothing to delete;
    /// as one batch, 2–4 ms in the harness that had measured 2–13 ms before.
    /// </summary>
    private static async Task ReplaceYearAsync(NpgsqlConnection connection, int year, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        // Two imports of the same year queue rather than interleave their deletes and inserts.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(903, $1)") { Parameters = { new NpgsqlParameter { Value = year } } });
        foreach (var table in YearTables)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"DELETE FROM {table} WHERE collection_year = $1") { Parameters = { new NpgsqlParameter { Value = year } } });
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes the rows of an import whose own transaction did not commit, which only its side transactions' can be.
    /// Should this fail too, the rows name an import that does not exist: readers of the year tables go through
    /// committed imports, and the next import of the year deletes them with the rest of the year.
    /// </summary>
    private static async Task DiscardYearRowsAsync(NpgsqlConnection connection, Ssda903ImportState state)
    {
        foreach (var table in YearTables)
        {
            await ExecuteAsync(connection, $"DELETE FROM {table} WHERE collection_year = @year AND import_id = @id", CancellationToken.None,
                ("year", state.Year.EndYear), ("id", state.ImportId));
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SSDA903 {CollectionYear} imported as {ImportId}: {Children} children, {Episodes} episodes, {Errors} row errors, {Warnings} warnings")]
    private partial void LogImported(Guid importId, int collectionYear, int children, int episodes, int errors, int warnings);

    [LoggerMessage(Level = LogLevel.Information, Message = "SSDA903 {CollectionYear}: {File} is not sorted by CHILD, so the return is imported through staging tables")]
    private partial void LogUnsorted(int collectionYear, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "SSDA903 {CollectionYear} import {ImportId} failed after its side rows committed, and they could not be deleted; the year's next import deletes them")]
    private partial void LogSideRowsKept(Exception exception, Guid importId, int collectionYear);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SSDA903 {CollectionYear} import steps: {Timings}")]
    private partial void LogTimings(int collectionYear, string timings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SSDA903 {CollectionYear} return rejected whole ({Files} files at fault); nothing stored")]
    private partial void LogRejected(int collectionYear, int files);
}

public sealed class Ssda903Counts
{
    public int Children { get; set; }
    public int Episodes { get; set; }
    public int Reviews { get; set; }
    public int Uasc { get; set; }
    public int Oc2 { get; set; }
    public int Oc3 { get; set; }
    public int Missing { get; set; }
    public int Ad1 { get; set; }
    public int PlacedForAdoption { get; set; }
    public int AdoptionMilestones { get; set; }
    public int Oc2Cohort { get; set; }
    public int Oc3Cohort { get; set; }
}
