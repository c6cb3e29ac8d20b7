using System.Globalization;
using System.Text.RegularExpressions;

namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// How long rows are kept, as the retention schedule states it: a number of days, a number of calendar years, or the
/// current reporting year plus a number of complete reporting years before it (years starting in April by default, as
/// the DfE collection year and the financial year do). All dates are taken in UTC.
/// </summary>
public abstract partial record RetentionPeriod
{
    /// <summary>The first instant that is still kept: rows dated before it are past their period.</summary>
    public abstract DateTimeOffset CutoffAt(DateTimeOffset now);

    public static RetentionPeriod Days(int days) => new DayCount(NotNegative(days));

    public static RetentionPeriod Years(int years) => new YearCount(NotNegative(years));

    /// <summary>Keeps the reporting year that contains today and <paramref name="completeYears"/> whole years before it.</summary>
    public static RetentionPeriod ReportingYears(int completeYears, int firstMonth = 4)
    {
        if (firstMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(firstMonth), firstMonth, "A reporting year starts in a month from 1 to 12.");
        }
        return new CurrentPlusReportingYears(NotNegative(completeYears), firstMonth);
    }

    /// <summary>
    /// Reads the text form used in configuration overrides: "30 days", "3 years" or "current + 7 reporting years"
    /// (reporting years starting in April).
    /// </summary>
    public static RetentionPeriod Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a retention period: write \"30 days\", \"3 years\" or \"current + 7 reporting years\".");
        }
        var count = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "day" or "days" => Days(count),
            "year" or "years" when !match.Groups["current"].Success => Years(count),
            "reporting year" or "reporting years" when match.Groups["current"].Success => ReportingYears(count),
            _ => throw new FormatException($"'{text}' is not a retention period: reporting years are written \"current + N reporting years\"."),
        };
    }

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A retention period cannot be negative.");

    [GeneratedRegex(@"^(?<current>current\s*\+\s*)?(?<count>\d{1,4})\s+(?<unit>days?|reporting\s+years?|years?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    private sealed record DayCount(int Count) : RetentionPeriod
    {
        public override DateTimeOffset CutoffAt(DateTimeOffset now) => now.ToUniversalTime().AddDays(-Count);
        public override string ToString() => Count == 1 ? "1 day" : $"{Count} days";
    }

    private sealed record YearCount(int Count) : RetentionPeriod
    {
        public override DateTimeOffset CutoffAt(DateTimeOffset now) => now.ToUniversalTime().AddYears(-Count);
        public override string ToString() => Count == 1 ? "1 year" : $"{Count} years";
    }

    private sealed record CurrentPlusReportingYears(int Count, int FirstMonth) : RetentionPeriod
    {
        public override DateTimeOffset CutoffAt(DateTimeOffset now)
        {
            var today = now.ToUniversalTime();
            var currentStartYear = today.Month >= FirstMonth ? today.Year : today.Year - 1;
            return new DateTimeOffset(currentStartYear - Count, FirstMonth, 1, 0, 0, 0, TimeSpan.Zero);
        }

        public override string ToString() =>
            (Count == 1 ? "current + 1 reporting year" : $"current + {Count} reporting years")
            + (FirstMonth == 4 ? "" : $" (from month {FirstMonth})");
    }
}
