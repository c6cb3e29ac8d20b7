using System.Text.RegularExpressions;
using Partnership.CareRegister.Domain;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Reads the Header file into the import's child registry. A child whose Header row is excluded (no CHILD, no usable
/// date of birth, a duplicate) is unknown to the other files, whose rows for it are then reported as unknown-child.
/// </summary>
public static partial class Ssda903HeaderReader
{
    public static async Task ReadAsync(Ssda903CsvFile file, Ssda903ImportState state, string fileName, CancellationToken ct)
    {
        var row = new Ssda903RowContext(state.Issues, fileName);
        while (await file.ReadAsync(ct))
        {
            row.Reset(file.Line);
            var id = Ssda903Fields.Required(file, row, "CHILD");
            if (id is not null && id.Length > 10)
            {
                row.Error("CHILD", Ssda903Rules.OutOfRange, "CHILD must be at most 10 characters.");
            }
            if (id is not null && state.Children.ContainsKey(id))
            {
                row.Error("CHILD", Ssda903Rules.DuplicateChild, "CHILD appears more than once in the Header file; the later row is excluded.");
            }
            var dob = Ssda903Fields.Date(file, row, "DOB", required: true);
            if (dob is { } d && d > state.Year.End)
            {
                row.Error("DOB", Ssda903Rules.DateOutOfYear, "DOB is after the end of the collection year.");
            }
            var sex = Ssda903Fields.Code(file, row, "SEX", Ssda903Codes.Sex, required: true, invalidIsError: false);
            var ethnic = Ssda903Fields.Code(file, row, "ETHNIC", Ssda903Codes.Ethnicity, required: false, invalidIsError: false);
            var upn = file["UPN"];
            if (upn is not null && !UpnShape().IsMatch(upn) && upn is not ("UN1" or "UN2" or "UN3" or "UN4" or "UN5" or "UN6" or "UN7"))
            {
                row.Warning("UPN", Ssda903Rules.InvalidCode, "UPN is neither a 13-character UPN nor a UN1–UN7 reason code.");
                upn = null;
            }
            var mother = Ssda903Fields.Flag(file, row, "MOTHER");
            var motherChildDob = Ssda903Fields.Date(file, row, "MC_DOB", required: false);

            if (row.Excluded || id is null || dob is null)
            {
                continue;
            }
            state.Children[id] = new Ssda903Child(id, state.KeyFor(id), dob.Value, ChildAge.On(dob.Value, state.Year.End))
            {
                Line = row.Row,
                Sex = sex is "1" or "2" ? short.Parse(sex) : null,
                Ethnicity = ethnic,
                Upn = upn,
                Mother = mother switch { true => 1, false => 0, null => null },
                MotherChildDateOfBirth = motherChildDob,
            };
        }
    }

    [GeneratedRegex("^[A-Z][0-9]{11}[0-9A-Z]$")]
    private static partial Regex UpnShape();
}
