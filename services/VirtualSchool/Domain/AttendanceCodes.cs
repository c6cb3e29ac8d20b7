using System.Collections.Frozen;

namespace Partnership.VirtualSchool.Domain;

/// <summary>How a register mark counts in the DfE absence measures.</summary>
public enum AttendanceCategory : short
{
    Present = 1,
    ApprovedEducationalActivity = 2,
    AuthorisedAbsence = 3,
    UnauthorisedAbsence = 4,
    /// <summary>Not a possible session (e.g. not required to attend, school closed): left out of the denominator.</summary>
    NotPossible = 5,
}

/// <summary>
/// The national register codes (School Attendance (Pupil Registration) (England) Regulations 2024) and the pre-2024
/// codes still found in older registers (H, J, Y), by the category the absence statistics put them in.
/// </summary>
public static class AttendanceCodes
{
    private static readonly FrozenDictionary<string, AttendanceCategory> Categories = new Dictionary<string, AttendanceCategory>
    {
        ["/"] = AttendanceCategory.Present,
        ["\\"] = AttendanceCategory.Present,
        ["L"] = AttendanceCategory.Present,

        ["B"] = AttendanceCategory.ApprovedEducationalActivity,
        ["K"] = AttendanceCategory.ApprovedEducationalActivity,
        ["P"] = AttendanceCategory.ApprovedEducationalActivity,
        ["V"] = AttendanceCategory.ApprovedEducationalActivity,
        ["W"] = AttendanceCategory.ApprovedEducationalActivity,
        ["J"] = AttendanceCategory.ApprovedEducationalActivity,

        ["C"] = AttendanceCategory.AuthorisedAbsence,
        ["C1"] = AttendanceCategory.AuthorisedAbsence,
        ["C2"] = AttendanceCategory.AuthorisedAbsence,
        ["E"] = AttendanceCategory.AuthorisedAbsence,
        ["H"] = AttendanceCategory.AuthorisedAbsence,
        ["I"] = AttendanceCategory.AuthorisedAbsence,
        ["J1"] = AttendanceCategory.AuthorisedAbsence,
        ["M"] = AttendanceCategory.AuthorisedAbsence,
        ["R"] = AttendanceCategory.AuthorisedAbsence,
        ["S"] = AttendanceCategory.AuthorisedAbsence,
        ["T"] = AttendanceCategory.AuthorisedAbsence,

        ["G"] = AttendanceCategory.UnauthorisedAbsence,
        ["N"] = AttendanceCategory.UnauthorisedAbsence,
        ["O"] = AttendanceCategory.UnauthorisedAbsence,
        ["U"] = AttendanceCategory.UnauthorisedAbsence,

        ["D"] = AttendanceCategory.NotPossible,
        ["Q"] = AttendanceCategory.NotPossible,
        ["X"] = AttendanceCategory.NotPossible,
        ["Y"] = AttendanceCategory.NotPossible,
        ["Y1"] = AttendanceCategory.NotPossible,
        ["Y2"] = AttendanceCategory.NotPossible,
        ["Y3"] = AttendanceCategory.NotPossible,
        ["Y4"] = AttendanceCategory.NotPossible,
        ["Y5"] = AttendanceCategory.NotPossible,
        ["Y6"] = AttendanceCategory.NotPossible,
        ["Y7"] = AttendanceCategory.NotPossible,
        ["Z"] = AttendanceCategory.NotPossible,
        ["#"] = AttendanceCategory.NotPossible,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The value repeats the code so a lookup by span hands back the interned code instead of allocating one per row.
    private static readonly FrozenDictionary<string, (string Code, AttendanceCategory Category)>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Categories.ToFrozenDictionary(c => c.Key, c => (c.Key, c.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Looks a mark up without allocating (a feed has hundreds of thousands); letters are upper-cased first because
    /// some registers export them in lower case. <paramref name="code"/> is the canonical code.
    /// </summary>
    public static bool TryCategorise(ReadOnlySpan<char> mark, out string code, out AttendanceCategory category)
    {
        mark = mark.Trim();
        if (BySpan.TryGetValue(mark, out var found))
        {
            (code, category) = found;
            return true;
        }
        if (mark.Length is 0 or > 2)
        {
            code = "";
            category = default;
            return false;
        }
        Span<char> upper = stackalloc char[2];
        var length = mark.ToUpperInvariant(upper);
        if (BySpan.TryGetValue(upper[..length], out found))
        {
            (code, category) = found;
            return true;
        }
        code = "";
        category = default;
        return false;
    }

    public static string Known => string.Join(" ", Categories.Keys.Order(StringComparer.Ordinal));
}
