namespace Partnership.Board.Apis;

/// <summary>The board's scopes (as in PartnershipApis.Board); policies carry the scope's name.</summary>
public static class BoardScopes
{
    public const string Read = "board.read";
    public const string Write = "board.write";
}
