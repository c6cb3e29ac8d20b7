using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

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
    /// <summary>Header rows per batch: with the other files' rows for their children, and a batch being written while the next is judged, what bounds the memory.</summary>
    public const int HeaderBatch = 5_000;

    private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();
    private readonly List<(string Child, int Line)> _adopted = [];
    private readonly Dictionary<string, Ssda903Child> _adoptionChildren = new(StringComparer.Ordinal);
    private readonly List<Ssda903Episode> _passed = [];
    private readonly List<Ssda903Child> _carried = [];
    private readonly List<Ssda903Child> _judged = [];
    private readonly List<int> _excluded = [];
    private string? _lastId;
    private TimeSpan _judging, _writing, _waiting, _yearWrites, _fileWrites, _episodeWrites;

    /// <summary>
    /// How the pass's two halves overlapped: judging batches, writing them, and judging waiting for a write; and how
    /// long each connection's share of the writes took (a batch's write lasts as long as the slowest).
    /// </summary>
    public string Overlap => FormattableString.Invariant(
        $"judging {_judging.TotalMilliseconds:F0} ms, writing {_writing.TotalMilliseconds:F0} ms, waiting for writes {_waiting.TotalMilliseconds:F0} ms; connections: year {_yearWrites.TotalMilliseconds:F0} ms, files {_fileWrites.TotalMilliseconds:F0} ms, episodes {_episodeWrites.TotalMilliseconds:F0} ms");

    private Ssda903ImportState State => state;
    private TimeProvider Clock => clock;

    /// <summary>An optional file read along with the Header: its rows below a limit are judged, then written when their batch's turn comes.</summary>
    private interface IRowWindow : IAsyncDisposable
    {
        int Kept { get; }
        Ssda903FileKind Kind { get; }
        Task<(Func<NpgsqlConnection, CancellationToken, Task> Rows, Func<BinaryCopyWriter?> Events)> JudgeBelowAsync(string? limit, Ssda903SortedImport import,
            CancellationToken ct);
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
        var files = new Files(header, new Ssda903RowContext(state.Issues, headerName), new Ssda903SortedCursor(episodesFile, episodesName),
            new Ssda903RowContext(state.Issues, episodesName),
            [
                await OpenAsync(sources, new Ssda903ReviewsFile(), ct), await OpenAsync(sources, new Ssda903UascFile(), ct),
                await OpenAsync(sources, new Ssda903Oc2File(), ct), await OpenAsync(sources, new Ssda903Oc3File(), ct),
                await OpenAsync(sources, new Ssda903MissingFile(), ct), await OpenAsync(sources, new Ssda903Ad1File(), ct),
                await OpenAsync(sources, new Ssda903PlacedForAdoptionFile(), ct),
            ]);
        // A batch's writes run while the next batch is read and judged: the importer's CPU overlaps the server's.
        var writing = Task.CompletedTask;
        // Two side transactions beside the year's own (ADR 0021): one for most files read beside the Header, one for the
        // episodes and the missing episodes (BatchWrites.For says which file goes where); and a connection that looks up
        // the next batch's key links while this one is written, then stores the links this one made.
        await using var connections = Ssda903OnePassConnections.Open(_connection, ct);
        try
        {
            var (count, ids) = ReadHeaderBatch(await header.ReadBatchAsync(HeaderBatch, ct), header, headerName);
            // The year's connection is idle until the first write; later batches' links are looked up beside it.
            var links = await Ssda903Staging.KeyLinksOfSortedBatchAsync(_connection, ids, ct);
            bool last;
            do
            {
                last = count < HeaderBatch;
                var judged = Stopwatch.GetTimestamp();
                var writes = await JudgeBatchAsync(files, count, links, last, counts, ct);
                Task<Dictionary<string, string>>? nextLinks = null;
                if (!last)
                {
                    (count, ids) = ReadHeaderBatch(await header.ReadBatchAsync(HeaderBatch, ct), header, headerName);
                    nextLinks = connections.KeyLinksAsync(ids, ct);
                }
                var waited = Stopwatch.GetTimestamp();
                _judging += Stopwatch.GetElapsedTime(judged, waited);
                await writing;
                var (fileSide, episodeSide) = await connections.SidesAsync();
                _waiting += Stopwatch.GetElapsedTime(waited);
                // After the next batch's look-up, which the next judging waits for.
                _ = connections.WriteLinksAsync(writes.NewLinks, state.ImportedAt, ct);
                writing = Task.Run(() => WriteAsync(writes, fileSide, episodeSide, ct), ct);
                if (nextLinks is not null)
                {
                    links = await nextLinks;
                }
            }
            while (!last);
            await writing;
            await connections.LinksStoredAsync();
            state.CurrentFile = null;
            state.Children = new(StringComparer.Ordinal);

            var rows = files.Rows;
            (counts.Reviews, counts.Uasc, counts.Oc2, counts.Oc3, counts.Missing, counts.Ad1, counts.PlacedForAdoption) =
                (Kept(rows[0]), Kept(rows[1]), Kept(rows[2]), Kept(rows[3]), Kept(rows[4]), Kept(rows[5]), Kept(rows[6]));
            counts.AdoptionMilestones = await Ssda903AdoptionMilestones.WriteAsync(db, _adopted, _adoptionChildren, state, fileName, clock, ct);
            state.SideCommitted = true;
            await connections.CommitSidesAsync(ct);
            return counts;
        }
        finally
        {
            // The connection must be free before the caller rolls back or goes on; a failure already on its way wins.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var rows in files.Rows)
            {
                if (rows is not null)
                {
                    await rows.DisposeAsync();
                }
            }
        }
    }

    private static int Kept(IRowWindow? rows) => rows?.Kept ?? 0;

    /// <summary>
    /// A judged batch: the key links it made, for the key-link connection; its episodes, for one side transaction; its
    /// children; the rows of the files read beside the Header, shared between the year's connection and the two sides;
    /// and its events, to be encoded (JSON) only when it is written.
    /// </summary>
    private sealed record BatchWrites(List<(string LocalId, string ChildKey)> NewLinks, List<Ssda903Episode> Episodes, List<Ssda903Child> Children,
        List<Func<BinaryCopyWriter?>> Events)
    {
        public List<Func<NpgsqlConnection, CancellationToken, Task>> FileSideRows { get; } = [];
        public List<Func<NpgsqlConnection, CancellationToken, Task>> EpisodeSideRows { get; } = [];
        public List<Func<NpgsqlConnection, CancellationToken, Task>> YearRows { get; } = [];

        /// <summary>
        /// Where a file's rows go, so that the three connections' shares of a batch take about as long: a batch's
        /// write lasts as long as the slowest. Measured on a national year (×10, COPY of each table alone): key links
        /// 0.45 s, children 0.27, events 0.28, episodes 0.65, reviews 0.21, missing 0.18, OC3 0.11, OC2 0.10, UASC
        /// 0.05. With every file on the links' side, that side took 1.95 s of a 2.05 s write against 1.5 s for the others.
        /// Since the key links moved to a connection of their own (2026-11-29) this side is the lightest, but moving
        /// OC3 and the missing episodes onto it made no difference to the import (harness, 2.42 against 2.42 s).
        /// </summary>
        public List<Func<NpgsqlConnection, CancellationToken, Task>> For(Ssda903FileKind kind) => kind switch
        {
            Ssda903FileKind.Missing => EpisodeSideRows,
            Ssda903FileKind.Oc2 or Ssda903FileKind.Oc3 => YearRows,
            _ => FileSideRows,
        };
    }

    /// <summary>
    /// The batch's three connections work at once (beside the key-link connection storing its links): one side
    /// transaction takes the episodes, the import's own connection the children and then the events, and each takes its
    /// share of the other files' rows. The
    /// events are encoded on a thread of their own meanwhile: their JSON was the importer's largest share of a write,
    /// during which the server waited.
    /// </summary>
    private async Task WriteAsync(BatchWrites writes, Ssda903SideTransaction fileSide, Ssda903SideTransaction episodeSide, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var encoding = Task.Run(() => writes.Events.Select(encode => encode()).OfType<BinaryCopyWriter>().ToList(), ct);
        var files = Task.Run(async () =>
        {
            var begun = Stopwatch.GetTimestamp();
            await WriteRowsAsync(writes.FileSideRows, fileSide.Connection, ct);
            _fileWrites += Stopwatch.GetElapsedTime(begun);
        }, ct);
        var episodes = Task.Run(async () =>
        {
            var begun = Stopwatch.GetTimestamp();
            await Ssda903EpisodeReader.WriteEpisodesAsync(episodeSide.Connection, state, writes.Episodes, ct);
            await WriteRowsAsync(writes.EpisodeSideRows, episodeSide.Connection, ct);
            _episodeWrites += Stopwatch.GetElapsedTime(begun);
        }, ct);
        try
        {
            await Ssda903YearWriter.WriteChildrenAsync(_connection, state, writes.Children, ct);
            await WriteRowsAsync(writes.YearRows, _connection, ct);
            foreach (var copy in await encoding)
            {
                await db.SendHeldEventsAsync(copy, ct);
            }
            _yearWrites += Stopwatch.GetElapsedTime(started);
            await files;
            await episodes;
        }
        finally
        {
            // The side connections must be idle before they are disposed, whichever write failed.
            await Task.WhenAll(files, episodes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Also when a row write failed first: the encoded events' buffers go back to the pool.
            var events = await encoding.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : [], TaskScheduler.Default);
            foreach (var copy in events)
            {
                await copy.DisposeAsync();
            }
            _writing += Stopwatch.GetElapsedTime(started);
        }
    }

    private static async Task WriteRowsAsync(List<Func<NpgsqlConnection, CancellationToken, Task>> writes, NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var write in writes)
        {
            await write(connection, ct);
        }
    }

    private sealed record Files(Ssda903CsvFile Header, Ssda903RowContext HeaderRow, Ssda903SortedCursor Episodes, Ssda903RowContext EpisodeRow,
        IRowWindow?[] Rows);

    /// <summary>The CHILD ids of the Header batch just read, which must not go back on the batch before.</summary>
    private (int Count, List<string> Ids) ReadHeaderBatch(int count, Ssda903CsvFile header, string headerName)
    {
        var ids = new List<string>(count);
        foreach (var id in header.BatchValues("CHILD"))
        {
            if (_lastId is not null && string.CompareOrdinal(id, _lastId) < 0)
            {
                throw new Ssda903UnsortedException(headerName);
            }
            ids.Add(_lastId = id);
        }
        return (count, ids);
    }

    /// <summary>
    /// Judges a Header batch and every other file's rows up to (not including) its last CHILD, or all the rest for the
    /// last batch; returns the batch's writes, in order, to run on the connection.
    /// </summary>
    private async Task<BatchWrites> JudgeBatchAsync(Files files, int count, Dictionary<string, string> links, bool last,
        Ssda903Counts counts, CancellationToken ct)
    {
        var newLinks = new List<(string LocalId, string ChildKey)>();
        var events = new List<Func<BinaryCopyWriter?>>();
        state.CurrentFile = files.HeaderRow.File;
        state.Children = _carried.ToDictionary(c => c.LocalId, StringComparer.Ordinal);
        var kept = new List<Ssda903Child>();
        Ssda903HeaderReader.ReadBatch(files.Header, count, files.HeaderRow, state, links, kept, newLinks);

        var limit = last ? null : _lastId ?? "";
        // The kept child whose CHILD ends the batch may have rows past the limit in other files: it goes with the next
        // batch (where a later Header row with its id is still a duplicate).
        var window = new List<Ssda903Child>(_carried);
        _carried.Clear();
        foreach (var child in kept)
        {
            (child.LocalId == limit ? _carried : window).Add(child);
        }

        state.CurrentFile = files.EpisodeRow.File;
        var episodes = await JudgeEpisodesBelowAsync(files.Episodes, files.EpisodeRow, limit, ct);
        counts.Episodes += episodes.Count;
        events.Add(() => Ssda903YearWriter.HoldEpisodeEvents(state, episodes, clock));
        counts.Children += window.Count;
        counts.Oc2Cohort += window.Count(c => c.Oc2Cohort);
        var writes = new BatchWrites(newLinks, episodes, window, events);
        foreach (var rows in files.Rows)
        {
            if (rows is not null)
            {
                var (write, rowEvents) = await rows.JudgeBelowAsync(limit, this, ct);
                writes.For(rows.Kind).Add(write);
                events.Add(rowEvents);
            }
        }
        RememberAdoptions(window);
        return writes;
    }

    /// <summary>The episodes below the limit, judged child by child; only the kept are returned (the excluded are never written).</summary>
    private async Task<List<Ssda903Episode>> JudgeEpisodesBelowAsync(Ssda903SortedCursor episodes, Ssda903RowContext row, string? limit, CancellationToken ct)
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
        var kept = new List<Ssda903Episode>(_passed.Count);
        Ssda903EpisodeRules.ApplyToRuns(_passed, _passed.Count, state, state.EpisodesFile, _judged, kept, _excluded);
        return kept;
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
        private Ssda903RowContext? _context;

        public int Kept { get; private set; }

        public Ssda903FileKind Kind => rows.Kind;

        public async Task<(Func<NpgsqlConnection, CancellationToken, Task> Rows, Func<BinaryCopyWriter?> Events)> JudgeBelowAsync(string? limit,
            Ssda903SortedImport import, CancellationToken ct)
        {
            var state = import.State;
            state.CurrentFile = fileName;
            _context ??= new Ssda903RowContext(state.Issues, fileName);
            // All of a child's rows fall in one batch, so a duplicate rule needs only this batch's keys.
            rows.Seen?.Reset();
            var kept = new List<(TRow Row, int Line)>();
            while (await _cursor.NextBelowAsync(limit, ct))
            {
                rows.ReadSelected(file, _context, state, kept);
            }
            Kept += kept.Count;
            return ((connection, ct) => rows.WriteKeptAsync(connection, kept, state, ct),
                () => kept.Count == 0 ? null : rows.HoldEvents(kept.Select(k => k.Row), state, import.Clock));
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
