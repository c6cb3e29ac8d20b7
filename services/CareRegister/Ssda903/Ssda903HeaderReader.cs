using System.Text.RegularExpressions;
using Partnership.CareRegister.Domain;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Reads the Header file into the staged child registry, a batch at a time. A child whose Header row is excluded (no
/// CHILD, no usable date of birth, a duplicate) is unknown to the other files, whose rows for it are then reported as
/// unknown-child. A CHILD id seen for the first time gets a new random platform key, linked for later years.
/// </summary>
public static partial class Ssda903HeaderReader
{
    public static async Task ReadAsync(Ssda903CsvFile file, Ssda903Staging staging, Ssda903ImportState state, string fileName, CancellationToken ct)
    {
        var row = new Ssda903RowContext(state.Issues, fileName);
        var kept = new List<Ssda903Child>();
        var newLinks = new List<(string LocalId, string ChildKey)>();
        while (await file.ReadBatchAsync(Ssda903Importer.BatchSize, ct) is var count and > 0)
        {
            // The batch's ids already kept by an earlier batch are duplicates; the links say which ids have a key.
            var ids = file.BatchValues("CHILD").ToList();
            state.Children = await staging.ChildrenAsync(ids, ct);
            var links = await Ssda903Staging.KeyLinksAsync(staging.Connection, ids, ct);
            ReadBatch(file, count, row, state, links, kept, newLinks);
            await staging.AddChildrenAsync(kept, newLinks, state.ImportedAt, ct);
        }
        state.Children = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Judges the batch's records: the kept children join <see cref="Ssda903ImportState.Children"/> (so a later
    /// duplicate is seen) and <paramref name="kept"/>; ids without a link get a new key in <paramref name="newLinks"/>.
    /// </summary>
    internal static void ReadBatch(Ssda903CsvFile file, int count, Ssda903RowContext row, Ssda903ImportState state,
        Dictionary<string, string> links, List<Ssda903Child> kept, List<(string LocalId, string ChildKey)> newLinks)
    {
        kept.Clear();
        newLinks.Clear();
        for (var i = 0; i < count; i++)
        {
            file.Select(i);
            row.Reset(file.Line);
            if (Read(file, row, state, links, newLinks) is { } child)
            {
                state.Children[child.LocalId] = child;
                kept.Add(child);
            }
        }
    }

    private static Ssda903Child? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state,
        Dictionary<string, string> links, List<(string LocalId, string ChildKey)> newLinks)
    {
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
            return null;
        }
        if (!links.TryGetValue(id, out var key))
        {
            key = PlatformChildKeys.New();
            links[id] = key;
            newLinks.Add((id, key));
        }
        return new Ssda903Child(id, key, dob.Value, ChildAge.On(dob.Value, state.Year.End))
        {
            Line = row.Row,
            Sex = sex is "1" or "2" ? short.Parse(sex) : null,
            Ethnicity = ethnic,
            Upn = upn,
            Mother = mother switch { true => 1, false => 0, null => null },
            MotherChildDateOfBirth = motherChildDob,
        };
    }

    [GeneratedRegex("^[A-Z][0-9]{11}[0-9A-Z]$")]
    private static partial Regex UpnShape();
}
