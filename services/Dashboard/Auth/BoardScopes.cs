namespace Partnership.Dashboard.Auth;

/// <summary>The board API's scopes; the dashboard's authorisation policies carry the same names.</summary>
public static class BoardScopes
{
    public const string Read = "board.read";
    public const string Write = "board.write";
}
