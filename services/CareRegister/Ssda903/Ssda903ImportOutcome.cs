namespace Partnership.CareRegister.Ssda903;

/// <summary>A return that cannot be imported at all: nothing was stored. Errors are keyed by file name.</summary>
public sealed record Ssda903Rejection(string Title, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string[]> MissingColumns);

/// <summary>
/// Either the import's id (the report is stored under it) or why the return was rejected whole; <see cref="OnePass"/>
/// says whether the files were in CHILD order and took the one-pass import.
/// </summary>
public sealed record Ssda903ImportOutcome(Guid? ImportId, Ssda903Rejection? Rejection, bool OnePass = false)
{
    public static Ssda903ImportOutcome Imported(Guid id, bool onePass) => new(id, null, onePass);
    public static Ssda903ImportOutcome Rejected(Ssda903Rejection rejection) => new(null, rejection);
}
