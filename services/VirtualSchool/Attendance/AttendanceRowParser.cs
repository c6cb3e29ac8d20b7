using System.Globalization;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>Validates one feed line field by field, so a rejected feed can name every wrong field of a row.</summary>
public static class AttendanceRowParser
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <param name="previousChildKey">The key of the line before, if known: a feed lists each child's marks together,
    /// so reusing that string saves allocating one per line.</param>
    public static bool TryParse(
        in AttendanceFeedLine line, DateOnly today, List<AttendanceRowError> errors, out AttendanceRow row, string? previousChildKey = null)
    {
        row = default;
        if (line.FormatError is { } formatError)
        {
            errors.Add(formatError);
            return false;
        }

        var errorsBefore = errors.Count;
        var key = line.ChildKey.Span.Trim();
        if (!ChildKeys.IsValid(key))
        {
            errors.Add(new(line.Row, "childKey", "Must be a platform child key (1–64 letters, digits and hyphens)."));
        }

        DateOnly date = default;
        if (!DateOnly.TryParseExact(line.Date.Span.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new(line.Row, "date", "Must be a date as yyyy-mm-dd (or dd/mm/yyyy)."));
        }
        else if (date < Earliest || date > today)
        {
            errors.Add(new(line.Row, "date", "Must be between 2000-01-01 and today."));
        }

        var sessionText = line.Session.Span.Trim();
        AttendanceSession session = default;
        if (sessionText.Equals("AM", StringComparison.OrdinalIgnoreCase))
        {
            session = AttendanceSession.AM;
        }
        else if (sessionText.Equals("PM", StringComparison.OrdinalIgnoreCase))
        {
            session = AttendanceSession.PM;
        }
        else
        {
            errors.Add(new(line.Row, "session", "Must be AM or PM."));
        }

        if (!AttendanceCodes.TryCategorise(line.Mark.Span, out var code, out var category))
        {
            errors.Add(new(line.Row, "mark", "Must be a national attendance register code (e.g. / \\ L I M O N X #)."));
        }

        if (errors.Count > errorsBefore)
        {
            return false;
        }
        var childKey = previousChildKey is not null && key.SequenceEqual(previousChildKey) ? previousChildKey : key.ToString();
        row = new AttendanceRow(line.Row, childKey, date, session, code, category);
        return true;
    }
}
