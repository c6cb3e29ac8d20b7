using CsvHelper;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// One SSDA903 CSV read forward a batch of records at a time, with the fields of the selected record looked up by
/// official column name. A batch lets the importer look up the children its rows name in one query, so memory is
/// bounded by the batch rather than the year. Malformed quoting throws <see cref="CsvFormatException"/>: such a file
/// cannot be trusted and the import is rejected.
/// </summary>
public sealed class Ssda903CsvFile : IAsyncDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        // Field values can be identifiers and dates of birth: keep them out of exception messages and so out of logs.
        IncludeValuesInExceptions = false,
        // Not pooled by the reader: the one-pass import reads every file at once, and nine unbounded pools of the
        // return's ids and dates cost more memory than they saved (the ×10 import was also faster without). Repeats are
        // reused through Ssda903FieldStrings instead, whose size is fixed.
        PoolStrings = false,
    };

    private readonly CsvReader _reader;
    private readonly Ssda903FieldStrings _strings = new();
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private int _width;
    private Batch _batch = new();
    private Batch _spare = new();
    private Task<Batch>? _ahead;
    private int _current = -1;
    private readonly (string Column, int Index)[] _byName = new (string, int)[24];
    private int _named;

    private Ssda903CsvFile(CsvReader reader) => _reader = reader;

    public static async Task<Ssda903CsvFile> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var file = new Ssda903CsvFile(CsvReader.Create(stream, Options, leaveOpen: false));
        await file._reader.ReadHeaderAsync(cancellationToken);
        var headers = file._reader.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            file._columns.TryAdd(headers[i].Trim(), i);
        }
        file._width = headers.Count;
        return file;
    }

    public IReadOnlyList<string> MissingColumns(IEnumerable<string> required) => required.Where(c => !_columns.ContainsKey(c)).ToList();

    /// <summary>
    /// Up to <paramref name="max"/> records (the arrays are reused batch after batch); 0 at the end of the file. The
    /// next batch is parsed on another thread while the caller works through this one (looking up its children,
    /// COPYing it), so the CSV parsing overlaps the database's work; two batches are held at most.
    /// </summary>
    public async ValueTask<int> ReadBatchAsync(int max, CancellationToken cancellationToken)
    {
        var read = _ahead is null ? await ReadIntoAsync(_spare, max, cancellationToken) : await _ahead;
        _ahead = null;
        (_batch, _spare) = (read, _batch);
        _current = -1;
        if (read.Count == max)
        {
            var spare = _spare;
            _ahead = Task.Run(() => ReadIntoAsync(spare, max, cancellationToken), cancellationToken);
        }
        return read.Count;
    }

    private async Task<Batch> ReadIntoAsync(Batch batch, int max, CancellationToken cancellationToken)
    {
        batch.Count = 0;
        while (batch.Count < max && await _reader.ReadAsync(cancellationToken))
        {
            if (batch.Records.Count == batch.Count)
            {
                batch.Records.Add(new string?[_width]);
                batch.Lines.Add(0);
            }
            var fields = batch.Records[batch.Count];
            var present = Math.Min(_width, _reader.FieldCount);
            for (var i = 0; i < _width; i++)
            {
                fields[i] = i < present && !_reader.IsEmpty(i) ? _strings.Get(_reader.GetSpan(i)) : null;
            }
            batch.Lines[batch.Count] = checked((int)_reader.RowNumber + 1);
            batch.Count++;
        }
        return batch;
    }

    /// <summary>Makes a record of the last batch the current one.</summary>
    public void Select(int index) => _current = index;

    /// <summary>A column's values in the last batch, blanks left out.</summary>
    public IEnumerable<string> BatchValues(string column)
    {
        if (!_columns.TryGetValue(column, out var index))
        {
            yield break;
        }
        for (var i = 0; i < _batch.Count; i++)
        {
            if (_batch.Records[i][index] is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>The current record's line in the file, the column header being line 1.</summary>
    public int Line => _batch.Lines[_current];

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>A column some files carry and others do not (e.g. the DfE-derived PL_DISTANCE): null when absent.</summary>
    public string? Optional(string column) => HasColumn(column) ? this[column] : null;

    /// <summary>The trimmed value, or null when the field is empty or the record is short.</summary>
    public string? this[string column] => _batch.Records[_current][IndexOf(column)];

    /// <summary>
    /// Readers name columns with literals, so the same few string instances come back for every record: they are
    /// matched by reference before the case-insensitive dictionary, whose hashing was a visible share of an import.
    /// </summary>
    private int IndexOf(string column)
    {
        for (var i = 0; i < _named; i++)
        {
            if (ReferenceEquals(_byName[i].Column, column))
            {
                return _byName[i].Index;
            }
        }
        var index = _columns[column];
        if (_named < _byName.Length)
        {
            _byName[_named++] = (column, index);
        }
        return index;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ahead is { } ahead)
        {
            // A caller that stops early (a rejected file, a cancelled import) must not close the reader under the read ahead.
            await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _reader.DisposeAsync();
    }

    private sealed class Batch
    {
        public List<string?[]> Records { get; } = [];
        public List<int> Lines { get; } = [];
        public int Count { get; set; }
    }
}
