namespace Partnership.Contracts;

/// <summary>
/// The envelope every integration event carries. <see cref="ChildKey"/> is the platform's pseudonymous child id,
/// never a name, date of birth, NHS number or UPN.
/// </summary>
public abstract record IntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required string ChildKey { get; init; }
    public int SchemaVersion { get; init; } = 1;
}
