using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

/// <summary>
/// A small SSDA903 return written row by row, for rules the generated sample does not exercise. Dates are ISO in the
/// test and written dd/mm/yyyy; CHILD ids are made unique per test run because every test shares one database.
/// </summary>
public sealed class Ssda903HandMadeReturn
{
    private static readonly string Run = $"{Random.Shared.Next(10_000, 99_999)}";

    private readonly List<string[]> _header = [], _episodes = [], _ad1 = [], _placed = [];
    private readonly bool _withDistance;

    public Ssda903HandMadeReturn(bool withDistance = false) => _withDistance = withDistance;

    public static string Id(string letter) => $"H{letter}{Run}";

    public Ssda903HandMadeReturn Child(string id, string dob)
    {
        _header.Add([id, "1", D(dob), "WBRI", "", "", ""]);
        return this;
    }

    /// <summary>Adds an episode; returns the line it will be on in episodes.csv.</summary>
    public int Episode(string id, string start, string? end, string rne, string ls, string place, string? rec,
        string? home = "NG7 3AB", string? placement = "NG8 1CD", string? distance = null)
    {
        string[] row = [id, D(start), rne, ls, "N1", place, "PR1", end is null ? "" : D(end), rec ?? "", "", home ?? "", placement ?? "", ""];
        _episodes.Add(_withDistance ? [.. row, distance ?? ""] : row);
        return _episodes.Count + 1;
    }

    public int Ad1(string id, string dob, string decided, string matched, string number = "2", string sex = "MF", string status = "L11")
    {
        _ad1.Add([id, D(dob), D(decided), D(matched), "0", number, sex, status]);
        return _ad1.Count + 1;
    }

    public int Placed(string id, string dob, string decided, string? ceased = null, string? reason = null)
    {
        _placed.Add([id, D(dob), D(decided), ceased is null ? "" : D(ceased), reason ?? ""]);
        return _placed.Count + 1;
    }

    public string Write()
    {
        var folder = Ssda903Uploads.NewFolder();
        File(folder, "header.csv", Ssda903FileKind.Header, _header);
        var episodeColumns = Ssda903Files.RequiredColumns[Ssda903FileKind.Episodes];
        File(folder, "episodes.csv", _withDistance ? [.. episodeColumns, "PL_DISTANCE"] : episodeColumns, _episodes);
        if (_ad1.Count > 0)
        {
            File(folder, "ad1.csv", Ssda903FileKind.Ad1, _ad1);
        }
        if (_placed.Count > 0)
        {
            File(folder, "placed_for_adoption.csv", Ssda903FileKind.PlacedForAdoption, _placed);
        }
        return folder;
    }

    private static void File(string folder, string name, Ssda903FileKind kind, List<string[]> rows) =>
        File(folder, name, Ssda903Files.RequiredColumns[kind], rows);

    private static void File(string folder, string name, string[] columns, List<string[]> rows) =>
        System.IO.File.WriteAllLines(Path.Combine(folder, name), [string.Join(',', columns), .. rows.Select(r => string.Join(',', r))]);

    private static string D(string iso) => Ssda903Year.FormatDate(DateOnly.Parse(iso));
}
