namespace Partnership.Health.Domain;

/// <summary>A dental check (indicator 5.3) and whether the child is registered with a dentist (5.4).</summary>
public sealed class DentalCheck : HealthRecord
{
    public DateOnly CheckedOn { get; set; }
    public bool RegisteredWithDentist { get; set; }
}
