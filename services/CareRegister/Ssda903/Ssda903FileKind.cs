namespace Partnership.CareRegister.Ssda903;

public enum Ssda903FileKind
{
    Header,
    Episodes,
    Reviews,
    Uasc,
    Oc2,
    Oc3,
    Missing,
    Ad1,
    PlacedForAdoption,
    PreviousPermanence,
}

/// <summary>The files of a return: how each is recognised by name and the columns it must have.</summary>
public static class Ssda903Files
{
    public static readonly IReadOnlyDictionary<Ssda903FileKind, string[]> RequiredColumns = new Dictionary<Ssda903FileKind, string[]>
    {
        [Ssda903FileKind.Header] = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        [Ssda903FileKind.Episodes] = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        [Ssda903FileKind.Reviews] = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
        [Ssda903FileKind.Uasc] = ["CHILD", "SEX", "DOB", "DUC"],
        [Ssda903FileKind.Oc2] = ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
        [Ssda903FileKind.Oc3] = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        [Ssda903FileKind.Missing] = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        [Ssda903FileKind.Ad1] = ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
        [Ssda903FileKind.PlacedForAdoption] = ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    };

    /// <summary>Recognised but not loaded by this version: reported as a file-level warning, never silently ignored.</summary>
    public static readonly IReadOnlySet<Ssda903FileKind> NotImported = new HashSet<Ssda903FileKind>
    {
        Ssda903FileKind.PreviousPermanence,
    };

    public static readonly IReadOnlySet<Ssda903FileKind> Mandatory = new HashSet<Ssda903FileKind> { Ssda903FileKind.Header, Ssda903FileKind.Episodes };

    /// <summary>
    /// Local authorities name the files differently ("header.csv", "SSDA903_Episodes_2025.csv", "oc2.csv"); the
    /// name, without separators and case, says which file it is.
    /// </summary>
    public static Ssda903FileKind? Recognise(string fileName)
    {
        var name = new string(Path.GetFileNameWithoutExtension(fileName).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        if (name.StartsWith("ssda903", StringComparison.Ordinal))
        {
            name = name["ssda903".Length..];
        }
        return name switch
        {
            _ when name.Contains("header") => Ssda903FileKind.Header,
            _ when name.Contains("episode") => Ssda903FileKind.Episodes,
            _ when name.Contains("review") => Ssda903FileKind.Reviews,
            _ when name.Contains("uasc") => Ssda903FileKind.Uasc,
            _ when name.Contains("oc2") => Ssda903FileKind.Oc2,
            _ when name.Contains("oc3") => Ssda903FileKind.Oc3,
            _ when name.Contains("missing") => Ssda903FileKind.Missing,
            _ when name.Contains("ad1") => Ssda903FileKind.Ad1,
            _ when name.Contains("placed") => Ssda903FileKind.PlacedForAdoption,
            _ when name.Contains("prev") => Ssda903FileKind.PreviousPermanence,
            _ => null,
        };
    }
}

/// <summary>One file of a return, reopenable: the importer reads some files twice rather than hold them in memory.</summary>
public sealed record Ssda903Source(string FileName, Func<Stream> Open)
{
    /// <summary>A return saved as the CSV files of one folder, in the order of their names.</summary>
    public static List<Ssda903Source> InFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            .Select(path => new Ssda903Source(Path.GetFileName(path), () => File.OpenRead(path)))
            .ToList();
}
