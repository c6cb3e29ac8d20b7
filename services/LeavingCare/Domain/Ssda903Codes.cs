using System.Collections.Frozen;
using Partnership.Contracts.LeavingCare.V1;

namespace Partnership.LeavingCare.Domain;

/// <summary>The SSDA903 OC3 code lists for care leavers: IN_TOUCH, ACTIV and ACCOM.</summary>
public static class Ssda903Codes
{
    public static readonly FrozenDictionary<string, InTouchStatus> InTouch = new Dictionary<string, InTouchStatus>
    {
        ["YES"] = InTouchStatus.Yes,
        ["NO"] = InTouchStatus.No,
        ["DIED"] = InTouchStatus.Died,
        ["REFU"] = InTouchStatus.Refused,
        ["NREQ"] = InTouchStatus.NotRequired,
        ["RHOM"] = InTouchStatus.ReturnedHome,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>F = full time, P = part time: 1 higher education, 2 other education, 4 apprenticeship, 5 training or employment; G4–G6 NEET; 0 not known.</summary>
    public static readonly FrozenSet<string> Activities =
        new[] { "F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// ACCOM is the accommodation letter followed by 1 (suitable) or 2 (unsuitable); no fixed abode (S) and custody (X)
    /// are only ever unsuitable; 0 means not known.
    /// </summary>
    public static readonly FrozenSet<string> Accommodation =
        new[] { "B", "C", "D", "E", "G", "H", "K", "R", "T", "U", "V", "W", "Y", "Z" }
            .SelectMany(letter => new[] { letter + "1", letter + "2" })
            .Concat(["S2", "X2", "0"])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool InEducationEmploymentOrTraining(string activity) => activity[0] is 'F' or 'P' or 'f' or 'p';

    public static bool InHigherEducation(string activity) => activity.Length == 2 && activity[1] == '1' && InEducationEmploymentOrTraining(activity);

    public static string AccommodationType(string accom) => accom == "0" ? "0" : accom[..1].ToUpperInvariant();

    public static bool Suitable(string accom) => accom.Length == 2 && accom[1] == '1';

    public static string List(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal));
}
