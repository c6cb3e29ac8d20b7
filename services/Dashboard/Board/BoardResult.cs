namespace Partnership.Dashboard.Board;

public enum BoardOutcome
{
    Ok,
    /// <summary>The board API has no such endpoint or record (yet), or could not be reached.</summary>
    NotAvailable,
    /// <summary>The token lacks the scope: the user is not authorised for the board.</summary>
    Forbidden,
    /// <summary>The token was refused (expired): a full page load signs in again.</summary>
    SessionExpired,
    /// <summary>The identity service ended the session (refresh token revoked or past its lifetime): sign in again.</summary>
    SignedOut,
    /// <summary>The API refused the input; <see cref="BoardResult{T}.Errors"/> holds its field messages.</summary>
    Invalid,
    Failed,
}

/// <summary>What a call to the board API gave: the value, or why there is none, in words a page can show.</summary>
public sealed record BoardResult<T>(BoardOutcome Outcome, T? Value, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool IsOk => Outcome == BoardOutcome.Ok && Value is not null;

    public static BoardResult<T> Ok(T value) => new(BoardOutcome.Ok, value);

    public string ErrorsFor(string field) =>
        Errors is null ? "" : string.Join(" ", Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value));
}
