using Microsoft.Extensions.Options;
using Partnership.ServiceDefaults.Privacy;
using Partnership.ServiceDefaults.Security;

namespace Partnership.Board.Pseudonymisation;

public sealed class PseudonymisationOptions
{
    public const string ConfigurationKey = "Board:Pseudonymisation:Key";

    /// <summary>DEVELOPMENT-ONLY: public, so used only where <see cref="DevelopmentSecrets"/> allows it.</summary>
    public const string DevelopmentKey = "development-only-board-pseudonym-key";

    /// <summary>
    /// Secret key of the keyed hash, from a secret store outside development, so that board keys cannot be joined back
    /// to platform child ids without it.
    /// </summary>
    public string Key { get; set; } = "";
}

/// <summary>
/// Turns a platform child key into the board's own pseudonym (HMAC-SHA256), so the board's tables carry a key that
/// links a child's facts together but identifies no one, not even by the platform id.
/// </summary>
public sealed class ChildPseudonymiser(IOptions<PseudonymisationOptions> options)
{
    public string Pseudonymise(string childKey) => KeyedPseudonym.Compute(options.Value.Key, childKey);
}
