namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// What a row's age is read from, and how the cutoff is compared with it: a timestamp, a date, or a reporting year
/// named by the calendar year it ends in (an SSDA903 collection year 2025 runs from April 2024 to March 2025).
/// <see cref="Sql"/> is a column of the policy's table, or an expression over the row such as a subquery.
/// </summary>
public sealed record RetentionColumn
{
    private enum Kind { Timestamp, Date, YearEnding }

    private readonly Kind _kind;
    private readonly int _firstMonth;

    private RetentionColumn(string sql, Kind kind, int firstMonth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        Sql = sql;
        _kind = kind;
        _firstMonth = firstMonth;
    }

    public string Sql { get; }

    /// <summary>A <c>timestamptz</c> column: past when it is before the cutoff instant.</summary>
    public static RetentionColumn Timestamp(string sql) => new(sql, Kind.Timestamp, 1);

    /// <summary>A <c>date</c> column: past when it is before the cutoff's UTC date.</summary>
    public static RetentionColumn Date(string sql) => new(sql, Kind.Date, 1);

    /// <summary>An integer year named by its end: past when the whole year ended before the cutoff.</summary>
    public static RetentionColumn YearEnding(string sql, int firstMonth = 4) =>
        firstMonth is >= 1 and <= 12 ? new(sql, Kind.YearEnding, firstMonth)
            : throw new ArgumentOutOfRangeException(nameof(firstMonth), firstMonth, "A reporting year starts in a month from 1 to 12.");

    /// <summary>
    /// The value rows are compared with (<c>age &lt; @cutoff</c>). For a year named by its end, year Y ends on the day
    /// before its first month of year Y, so it is wholly past when that first day is on or before the cutoff.
    /// </summary>
    public object CutoffValue(DateTimeOffset cutoff)
    {
        var utc = cutoff.ToUniversalTime();
        return _kind switch
        {
            Kind.Timestamp => utc,
            Kind.Date => DateOnly.FromDateTime(utc.UtcDateTime),
            _ => (utc.Month >= _firstMonth ? utc.Year : utc.Year - 1) + 1,
        };
    }
}
