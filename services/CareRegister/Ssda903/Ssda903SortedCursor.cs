namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// A file read forward record by record in CHILD order, handing out the records whose CHILD falls below a limit: the
/// part of the file that belongs to the Header children already read. A record whose CHILD sorts before the one
/// before it throws <see cref="Ssda903UnsortedException"/>; a blank CHILD can stand anywhere (its row is an error).
/// </summary>
public sealed class Ssda903SortedCursor(Ssda903CsvFile file, string fileName)
{
    /// <summary>
    /// Records parsed at a time. Every file of the return is open at once here, each with a batch in hand and one
    /// read ahead, so batches are smaller than the staged path's (whose batch is also its look-up).
    /// </summary>
    public const int ReadBatch = 1_000;

    private int _count;
    private int _next;
    private bool _ended;
    private string? _last;

    public Ssda903CsvFile File => file;

    /// <summary>
    /// Selects the next record if its CHILD is below <paramref name="limit"/> (any CHILD when it is null) and moves
    /// past it; false, with nothing selected for the caller, at the limit or the end of the file.
    /// </summary>
    public async ValueTask<bool> NextBelowAsync(string? limit, CancellationToken ct)
    {
        if (_next >= _count)
        {
            if (_ended)
            {
                return false;
            }
            _count = await file.ReadBatchAsync(ReadBatch, ct);
            _next = 0;
            if (_count == 0)
            {
                _ended = true;
                return false;
            }
        }
        file.Select(_next);
        if (file["CHILD"] is { } child)
        {
            if (_last is not null && string.CompareOrdinal(child, _last) < 0)
            {
                throw new Ssda903UnsortedException(fileName);
            }
            if (limit is not null && string.CompareOrdinal(child, limit) >= 0)
            {
                return false;
            }
            _last = child;
        }
        _next++;
        return true;
    }
}

/// <summary>A file of the return is not in CHILD order, so the one-pass import cannot take it.</summary>
public sealed class Ssda903UnsortedException(string fileName) : Exception($"{fileName} is not sorted by CHILD.")
{
    public string FileName { get; } = fileName;
}
