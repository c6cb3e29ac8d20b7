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
        PoolStrings = true,
    };

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string?[]> _records = [];
    private readonly List<int> _lines = [];
    private int _width;
    private int _count;
    private int _current = -1;

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

    /// <summary>Reads up to <paramref name="max"/> records (the arrays are reused batch after batch); 0 at the end of the file.</summary>
    public async ValueTask<int> ReadBatchAsync(int max, CancellationToken cancellationToken)
    {
        _count = 0;
        _current = -1;
        while (_count < max && await _reader.ReadAsync(cancellationToken))
        {
            if (_records.Count == _count)
            {
                _records.Add(new string?[_width]);
                _lines.Add(0);
            }
            var fields = _records[_count];
            var present = Math.Min(_width, _reader.FieldCount);
            for (var i = 0; i < _width; i++)
            {
                fields[i] = i < present && !_reader.IsEmpty(i) ? _reader.GetString(i) : null;
            }
            _lines[_count] = checked((int)_reader.RowNumber + 1);
            _count++;
        }
        return _count;
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
        for (var i = 0; i < _count; i++)
        {
            if (_records[i][index] is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>The current record's line in the file, the column header being line 1.</summary>
    public int Line => _lines[_current];

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>A column some files carry and others do not (e.g. the DfE-derived PL_DISTANCE): null when absent.</summary>
    public string? Optional(string column) => HasColumn(column) ? this[column] : null;

    /// <summary>The trimmed value, or null when the field is empty or the record is short.</summary>
    public string? this[string column] => _records[_current][_columns[column]];

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
