namespace Partnership.Board.Catalogue;

/// <summary>Where an indicator's numbers come from. Every indicator has exactly one.</summary>
public enum SourceKind
{
    /// <summary>Computed from pseudonymised facts of agency events (health, virtual school, missing, leaving care…).</summary>
    AgencyEvents,
    /// <summary>Computed from the local authority's care register events and SSDA903 returns.</summary>
    CareRegister,
    /// <summary>Entered by a board officer with its source; append-only history.</summary>
    Manual,
}
