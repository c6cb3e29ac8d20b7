namespace Partnership.CareRegister.Ssda903;

/// <summary>A return that cannot be imported at all: nothing was stored. Errors are keyed by file name.</summary>
public sealed record Ssda903Rejection(string Title, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string[]> MissingColumns);

/// <summary>Either the import's id (the report is stored under it) or why the return was rejected whole.</summary>
public sealed record Ssda903ImportOutcome(Guid? ImportId, Ssda903Rejection? Rejection)
{
    public static Ssda903ImportOutcome Imported(Guid id) => new(id, null);
    public static Ssda903ImportOutcome Rejected(Ssda903Rejection rejection) => new(null, rejection);
}
