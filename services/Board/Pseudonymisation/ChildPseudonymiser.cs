using Microsoft.Extensions.Options;
using Partnership.ServiceDefaults.Privacy;

namespace Partnership.Board.Pseudonymisation;

public sealed class PseudonymisationOptions
{
    /// <summary>
    /// Secret key of the keyed hash. The default is a development-only value; production supplies its own from a
    /// secret store, so that board keys cannot be joined back to platform child ids without it.
    /// </summary>
    public string Key { get; set; } = "development-only-board-pseudonym-key";
}

/// <summary>
/// Turns a platform child key into the board's own pseudonym (HMAC-SHA256), so the board's tables carry a key that
/// links a child's facts together but identifies no one, not even by the platform id.
/// </summary>
public sealed class ChildPseudonymiser(IOptions<PseudonymisationOptions> options)
{
    public string Pseudonymise(string childKey) => KeyedPseudonym.Compute(options.Value.Key, childKey);
}
