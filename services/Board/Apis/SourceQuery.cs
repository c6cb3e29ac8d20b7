using Partnership.Board.Indicators;

namespace Partnership.Board.Apis;

/// <summary>Reads ?source=: stored (the default), live or snapshot.</summary>
public static class SourceQuery
{
    public static bool TryParse(string? source, Dictionary<string, string[]> errors, out ResultSource result)
    {
        result = ResultSource.Stored;
        if (string.IsNullOrEmpty(source) || source.All(char.IsLetter) && Enum.TryParse(source, ignoreCase: true, out result))
        {
            return true;
        }
        errors["source"] = ["'source' must be 'stored' (the default), 'live' or 'snapshot'."];
        return false;
    }

    public static string Name(ResultSource source) => source.ToString().ToLowerInvariant();
}
