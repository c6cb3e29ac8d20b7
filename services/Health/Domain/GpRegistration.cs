namespace Partnership.Health.Domain;

/// <summary>Whether the child was registered with a GP on a date (indicator 5.2).</summary>
public sealed class GpRegistration : HealthRecord
{
    public DateOnly RecordedOn { get; set; }
    public bool Registered { get; set; }
}
