using System.Collections.Frozen;

namespace Partnership.CareRegister.Ssda903;

/// <summary>The SSDA903 code lists the importer checks values against (DfE children looked after return guidance).</summary>
public static class Ssda903Codes
{
    public static readonly FrozenSet<string> ReasonNewEpisode = Set("S", "P", "L", "T", "U", "B");

    public static readonly FrozenSet<string> LegalStatus = Set("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4");

    /// <summary>Series of short-term placements (short breaks): outside DfE headline counts and outcome cohorts.</summary>
    public static readonly FrozenSet<string> ShortBreakLegalStatus = Set("V3", "V4");

    public static readonly FrozenSet<string> Placement = Set(
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");

    public static readonly FrozenSet<string> PlacementProvider = Set("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    public static readonly FrozenSet<string> CategoryOfNeed = Set("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    public static readonly FrozenSet<string> ReasonCeased = Set(
        "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B", "E41", "E43", "E44", "E45", "E46",
        "E47", "E48", "E5", "E6", "E7", "E8", "E9", "X1");

    public const string EpisodeContinues = "X1";

    public static readonly FrozenSet<string> ReasonPlaceChange = Set(
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHANGE", "LAREQ", "PLACE", "PLACR", "CUSTOD");

    public static readonly FrozenSet<string> ReviewParticipation = Set("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    public static readonly FrozenSet<string> Sex = Set("1", "2");

    public static readonly FrozenSet<string> Ethnicity = Set(
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    public static readonly FrozenSet<string> SdqReason = Set("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

    public static readonly FrozenSet<string> InTouch = Set("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

    public static readonly FrozenSet<string> Activity = Set("F1", "P1", "F2", "P2", "F4", "P4", "G4", "G5", "G6");

    /// <summary>ACCOM: a type letter, then 1 suitable or 2 unsuitable (X and Z stand alone).</summary>
    public static readonly FrozenSet<string> Accommodation = Set(
        [.. "BCDEGHKRSTUVWY".SelectMany(l => new[] { $"{l}1", $"{l}2" }), "X", "Z"]);

    public static readonly FrozenSet<string> MissingType = Set("M", "A");

    public static readonly FrozenSet<string> YesNo = Set("0", "1");

    /// <summary>LS: a court order authorising placement for adoption (E1 placement order; D1 the freeing order it replaced).</summary>
    public static readonly FrozenSet<string> PlacementOrderLegalStatus = Set("E1", "D1");

    /// <summary>PLACE A3–A6: placed for adoption (with consent or a placement order, with the current foster carer or not).</summary>
    public static readonly FrozenSet<string> PlacedForAdoption = Set("A3", "A4", "A5", "A6");

    /// <summary>REC E11/E12: adopted (application unopposed, or consent dispensed with).</summary>
    public static readonly FrozenSet<string> Adopted = Set("E11", "E12");

    public static readonly FrozenSet<string> NumberOfAdopters = Set("1", "2");

    /// <summary>SEX_ADOPTR: a single male or female adopter, or a couple MM, FF, MF.</summary>
    public static readonly FrozenSet<string> SexOfAdopters = Set("M1", "F1", "MM", "FF", "MF");

    /// <summary>LS_ADOPTR: L0 single, L11 married couple, L12 civil partners, L2, L3, L4 other couples.</summary>
    public static readonly FrozenSet<string> AdoptersLegalStatus = Set("L0", "L11", "L12", "L2", "L3", "L4");

    /// <summary>REASON_PLACED_CEASED: why the decision that the child should be placed for adoption was reversed.</summary>
    public static readonly FrozenSet<string> ReasonPlacedCeased = Set("RD1", "RD2", "RD3", "RD4");

    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
