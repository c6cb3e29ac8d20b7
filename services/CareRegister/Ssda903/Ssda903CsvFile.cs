using CsvHelper;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// One SSDA903 CSV read forward, a record at a time, with its fields looked up by official column name.
/// Malformed quoting throws <see cref="CsvFormatException"/>: such a file cannot be trusted and the import is rejected.
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
        return file;
    }

    public IReadOnlyList<string> MissingColumns(IEnumerable<string> required) => required.Where(c => !_columns.ContainsKey(c)).ToList();

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <summary>Synchronous read, for the lazily enumerated second pass that feeds the bulk outbox writer.</summary>
    public bool Read() => _reader.Read();

    /// <summary>The current record's line in the file, the column header being line 1.</summary>
    public int Line => checked((int)_reader.RowNumber + 1);

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>A column some files carry and others do not (e.g. the DfE-derived PL_DISTANCE): null when absent.</summary>
    public string? Optional(string column) => HasColumn(column) ? this[column] : null;

    /// <summary>The trimmed value, or null when the field is empty or the record is short.</summary>
    public string? this[string column]
    {
        get
        {
            var index = _columns[column];
            if (index >= _reader.FieldCount || _reader.IsEmpty(index))
            {
                return null;
            }
            return _reader.GetString(index);
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
