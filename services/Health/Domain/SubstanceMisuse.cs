namespace Partnership.Health.Domain;

/// <summary>Substance misuse identified, and whether an intervention was offered and received (SSDA903 OC2).</summary>
public sealed class SubstanceMisuse : HealthRecord
{
    public DateOnly IdentifiedOn { get; set; }
    public bool InterventionOffered { get; set; }
    public bool InterventionReceived { get; set; }
}
