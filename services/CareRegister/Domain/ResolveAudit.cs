namespace Partnership.CareRegister.Domain;

/// <summary>
/// One identifier lookup by an agency system. The identifier itself is deliberately not kept: the audit must show
/// who looked and whether a child was found without becoming a second copy of the identifiers.
/// </summary>
public sealed class ResolveAudit
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Caller { get; set; }
    public required string Agency { get; set; }
    public required string IdentifierType { get; set; }
    public bool Found { get; set; }
    /// <summary>Refused lookups are audited too (wrong identifier type for the agency, invalid check digit).</summary>
    public required string Outcome { get; set; }
}
