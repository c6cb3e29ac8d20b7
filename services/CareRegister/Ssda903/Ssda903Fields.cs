using System.Collections.Frozen;

namespace Partnership.CareRegister.Ssda903;

/// <summary>Reads a field of the current record and reports what is wrong with it in the row's context.</summary>
public static class Ssda903Fields
{
    public static string? Required(Ssda903CsvFile file, Ssda903RowContext row, string column)
    {
        var value = file[column];
        if (value is null)
        {
            row.Error(column, Ssda903Rules.Required, $"{column} is required.");
        }
        return value;
    }

    public static DateOnly? Date(Ssda903CsvFile file, Ssda903RowContext row, string column, bool required)
    {
        var value = file[column];
        if (value is null)
        {
            if (required)
            {
                row.Error(column, Ssda903Rules.Required, $"{column} is required.");
            }
            return null;
        }
        if (!Ssda903Year.TryParseDate(value, out var date))
        {
            // The value is not echoed: a malformed date of birth is still personal data.
            row.Error(column, Ssda903Rules.InvalidDate, $"{column} is not a date in dd/mm/yyyy form.");
            return null;
        }
        return date;
    }

    /// <summary>A coded value; an unknown code is an error (row excluded) or, where the code is informative only, a warning.</summary>
    public static string? Code(Ssda903CsvFile file, Ssda903RowContext row, string column, FrozenSet<string> codes, bool required, bool invalidIsError = true)
    {
        var value = file[column];
        if (value is null)
        {
            if (required)
            {
                row.Error(column, Ssda903Rules.Required, $"{column} is required.");
            }
            return null;
        }
        value = value.ToUpperInvariant();
        if (!codes.Contains(value))
        {
            var message = $"{column} '{value}' is not a valid code.";
            if (invalidIsError)
            {
                row.Error(column, Ssda903Rules.InvalidCode, message);
            }
            else
            {
                row.Warning(column, Ssda903Rules.InvalidCode, message);
            }
            return invalidIsError ? null : value;
        }
        return value;
    }

    /// <summary>A 0/1 flag; blank is unknown.</summary>
    public static bool? Flag(Ssda903CsvFile file, Ssda903RowContext row, string column) =>
        Code(file, row, column, Ssda903Codes.YesNo, required: false) switch { "1" => true, "0" => false, _ => null };

    public static int? Number(Ssda903CsvFile file, Ssda903RowContext row, string column, int min, int max)
    {
        var value = file[column];
        if (value is null)
        {
            return null;
        }
        if (!int.TryParse(value, out var number) || number < min || number > max)
        {
            row.Error(column, Ssda903Rules.OutOfRange, $"{column} must be a whole number from {min} to {max}.");
            return null;
        }
        return number;
    }

    /// <summary>CHILD must name a child of the Header file.</summary>
    public static Ssda903Child? KnownChild(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var id = Required(file, row, "CHILD");
        if (id is null)
        {
            return null;
        }
        var child = state.Child(id);
        if (child is null)
        {
            row.Error("CHILD", Ssda903Rules.UnknownChild, "CHILD is not in the Header file (or its Header row was excluded).");
        }
        return child;
    }
}

public static class Ssda903DateOfBirthCheck
{
    /// <summary>The DOB repeated in a file should be the Header's; a mismatch is flagged without echoing either date.</summary>
    public static void AgainstHeader(Ssda903CsvFile file, Ssda903RowContext row, Ssda903Child? child)
    {
        if (child is not null && file["DOB"] is { } text && Ssda903Year.TryParseDate(text, out var dob) && dob != child.DateOfBirth)
        {
            row.Warning("DOB", "dob-mismatch", "DOB differs from the child's DOB in the Header file; the Header's is used.");
        }
    }
}
