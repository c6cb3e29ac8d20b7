using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// The import of a return whose files are all sorted by CHILD, as case-management extracts usually are: one pass
/// through every file together, the Header a batch at a time and each other file up to the last child of that batch.
/// All of a child's rows are then in hand at once, so the year's children, flags and seen keys need no staging
/// tables and every write is a COPY. A file out of CHILD order throws <see cref="Ssda903UnsortedException"/>; the
/// importer then rolls this pass back and takes the staged path, which accepts any order.
/// </summary>
public sealed class Ssda903SortedImport(CareRegisterDbContext db, Ssda903ImportState state, TimeProvider clock)
{
    private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();
    private readonly List<(string Child, int Line)> _adopted = [];
    private readonly Dictionary<string, Ssda903Child> _adoptionChildren = new(StringComparer.Ordinal);
    private readonly List<Ssda903Episode> _passed = [];
    private readonly List<Ssda903Episode> _keptEpisodes = [];
    private readonly List<Ssda903Child> _judged = [];
    private readonly List<int> _excluded = [];

    private CareRegisterDbContext Db => db;
    private Ssda903ImportState State => state;
    private TimeProvider Clock => clock;

    /// <summary>The rows of an optional file below a limit: read, judged, COPYed and their events staged.</summary>
    private interface IRowWindow : IAsyncDisposable
    {
        int Kept { get; }
        Task ImportBelowAsync(string? limit, Ssda903SortedImport import, CancellationToken ct);
    }

    public async Task<Ssda903Counts> RunAsync(IReadOnlyDictionary<Ssda903FileKind, Ssda903Source> sources, Func<Ssda903FileKind, string> fileName,
        CancellationToken ct)
    {
        var counts = new Ssda903Counts();
        var headerName = sources[Ssda903FileKind.Header].FileName;
        var episodesName = sources[Ssda903FileKind.Episodes].FileName;
        state.EpisodesFile = episodesName;
        await using var header = await Ssda903CsvFile.OpenAsync(sources[Ssda903FileKind.Header].Open(), ct);
        await using var episodesFile = await Ssda903CsvFile.OpenAsync(sources[Ssda903FileKind.Episodes].Open(), ct);
        var episodes = new Ssda903SortedCursor(episodesFile, episodesName);
        var reviews = await OpenAsync(sources, new Ssda903ReviewsFile(), ct);
        var uasc = await OpenAsync(sources, new Ssda903UascFile(), ct);
        var oc2 = await OpenAsync(sources, new Ssda903Oc2File(), ct);
        var oc3 = await OpenAsync(sources, new Ssda903Oc3File(), ct);
        var missing = await OpenAsync(sources, new Ssda903MissingFile(), ct);
        var ad1 = await OpenAsync(sources, new Ssda903Ad1File(), ct);
        var placed = await OpenAsync(sources, new Ssda903PlacedForAdoptionFile(), ct);
        IRowWindow?[] rowFiles = [reviews, uasc, oc2, oc3, missing, ad1, placed];
        try
        {
            var headerRow = new Ssda903RowContext(state.Issues, headerName);
            var episodeRow = new Ssda903RowContext(state.Issues, episodesName);
            var kept = new List<Ssda903Child>();
            var newLinks = new List<(string LocalId, string ChildKey)>();
            // The kept child whose CHILD ends a Header batch: its rows in other files may run on past the batch, so it
            // belongs to the next one (a later Header row with its id is still a duplicate there).
            var carried = new List<Ssda903Child>();
            string? lastId = null;
            bool last;
            do
            {
                var count = await header.ReadBatchAsync(Ssda903Importer.BatchSize, ct);
                last = count < Ssda903Importer.BatchSize;
                var ids = new List<string>(count);
                foreach (var id in header.BatchValues("CHILD"))
                {
                    if (lastId is not null && string.CompareOrdinal(id, lastId) < 0)
                    {
                        throw new Ssda903UnsortedException(headerName);
                    }
                    ids.Add(lastId = id);
                }
                var links = await Ssda903Staging.KeyLinksAsync(_connection, ids, ct);
                state.CurrentFile = headerName;
                state.Children = carried.ToDictionary(c => c.LocalId, StringComparer.Ordinal);
                Ssda903HeaderReader.ReadBatch(header, count, headerRow, state, links, kept, newLinks);
                await Ssda903YearWriter.WriteKeyLinksAsync(_connection, newLinks, state.ImportedAt, ct);

                // Rows of other files are taken up to (not including) the batch's last CHILD; the last batch takes the rest.
                var limit = last ? null : lastId ?? "";
                var window = new List<Ssda903Child>(carried);
                carried.Clear();
                foreach (var child in kept)
                {
                    (child.LocalId == limit ? carried : window).Add(child);
                }

                state.CurrentFile = episodesName;
                counts.Episodes += await ImportEpisodesBelowAsync(episodes, episodeRow, limit, ct);
                counts.Children += window.Count;
                counts.Oc2Cohort += await Ssda903YearWriter.WriteChildrenAsync(_connection, state, window, ct);
                foreach (var rows in rowFiles)
                {
                    if (rows is not null)
                    {
                        await rows.ImportBelowAsync(limit, this, ct);
                    }
                }
                RememberAdoptions(window);
            }
            while (!last);
            state.CurrentFile = null;
            state.Children = new(StringComparer.Ordinal);

            counts.Reviews = reviews?.Kept ?? 0;
            counts.Uasc = uasc?.Kept ?? 0;
            counts.Oc2 = oc2?.Kept ?? 0;
            counts.Oc3 = oc3?.Kept ?? 0;
            counts.Missing = missing?.Kept ?? 0;
            counts.Ad1 = ad1?.Kept ?? 0;
            counts.PlacedForAdoption = placed?.Kept ?? 0;
            counts.AdoptionMilestones = await Ssda903AdoptionMilestones.WriteAsync(db, _adopted, _adoptionChildren, state, fileName, clock, ct);
            return counts;
        }
        finally
        {
            foreach (var rows in rowFiles)
            {
                if (rows is not null)
                {
                    await rows.DisposeAsync();
                }
            }
        }
    }

    /// <summary>The episodes below the limit, judged child by child, then COPYed with their events: the excluded are never written.</summary>
    private async Task<int> ImportEpisodesBelowAsync(Ssda903SortedCursor episodes, Ssda903RowContext row, string? limit, CancellationToken ct)
    {
        _passed.Clear();
        while (await episodes.NextBelowAsync(limit, ct))
        {
            row.Reset(episodes.File.Line);
            if (Ssda903EpisodeReader.Read(episodes.File, row, state) is { } episode)
            {
                _passed.Add(episode);
            }
        }
        // Within a child the file need not be in date order; the rules need it.
        _passed.Sort(static (a, b) => string.CompareOrdinal(a.Child.LocalId, b.Child.LocalId) is var byChild and not 0 ? byChild
            : a.Start.CompareTo(b.Start) is var byStart and not 0 ? byStart : a.Line.CompareTo(b.Line));
        Ssda903EpisodeRules.ApplyToRuns(_passed, _passed.Count, state, state.EpisodesFile, _judged, _keptEpisodes, _excluded);
        await Ssda903EpisodeReader.WriteEpisodesAsync(_connection, state, _keptEpisodes, ct);
        await Ssda903YearWriter.WriteEpisodeEventsAsync(db, state, _keptEpisodes, clock, ct);
        return _keptEpisodes.Count;
    }

    /// <summary>What the milestones need at the end, for the few children with an adoption.</summary>
    private void RememberAdoptions(List<Ssda903Child> window)
    {
        foreach (var child in window)
        {
            if (child.Chain?.AdoptedLine is { } line)
            {
                _adopted.Add((child.LocalId, line));
            }
            if (state.Adoption.ContainsKey(child.LocalId))
            {
                _adoptionChildren[child.LocalId] = child;
            }
        }
    }

    private static async Task<IRowWindow?> OpenAsync<TRow>(IReadOnlyDictionary<Ssda903FileKind, Ssda903Source> sources, Ssda903RowFile<TRow> rows,
        CancellationToken ct) where TRow : class
    {
        if (!sources.TryGetValue(rows.Kind, out var source))
        {
            return null;
        }
        var file = await Ssda903CsvFile.OpenAsync(source.Open(), ct);
        return new RowWindow<TRow>(rows, file, source.FileName);
    }

    private sealed class RowWindow<TRow>(Ssda903RowFile<TRow> rows, Ssda903CsvFile file, string fileName) : IRowWindow where TRow : class
    {
        private readonly Ssda903SortedCursor _cursor = new(file, fileName);
        private readonly List<(TRow Row, int Line)> _kept = [];
        private Ssda903RowContext? _context;

        public int Kept { get; private set; }

        public async Task ImportBelowAsync(string? limit, Ssda903SortedImport import, CancellationToken ct)
        {
            var state = import.State;
            state.CurrentFile = fileName;
            _context ??= new Ssda903RowContext(state.Issues, fileName);
            // All of a child's rows fall in one batch, so a duplicate rule needs only this batch's keys.
            rows.Seen?.Reset();
            _kept.Clear();
            while (await _cursor.NextBelowAsync(limit, ct))
            {
                rows.ReadSelected(file, _context, state, _kept);
            }
            await rows.WriteKeptAsync(import.Db, import._connection, _kept, state, import.Clock, ct);
            Kept += _kept.Count;
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
