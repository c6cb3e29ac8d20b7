using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Domain;

/// <summary>
/// The person record of a child in care or care leaver. Identifying fields never leave this service except under a
/// sharing decision; every other service knows the child only by <see cref="ChildKey"/>.
/// </summary>
public sealed class Child
{
    public Guid Id { get; set; }
    public required string ChildKey { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    /// <summary>SSDA903 SEX: 1 male, 2 female.</summary>
    public int Sex { get; set; }
    /// <summary>SSDA903 ETHNIC code, e.g. WBRI.</summary>
    public required string Ethnicity { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    public string? PoliceReference { get; set; }
    /// <summary>The local authority's own case id (SSDA903 CHILD), so a return's rows resolve to this child.</summary>
    public string? LocalChildId { get; set; }
    public CareLeaverCategory? CareLeaverCategory { get; set; }
    public DateOnly? CareLeaverSince { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public List<CareEpisode> Episodes { get; set; } = [];
    public List<CareReview> Reviews { get; set; } = [];
    public List<AdoptionMilestoneRecord> AdoptionMilestones { get; set; } = [];

    public CareEpisode? OpenEpisode => Episodes.FirstOrDefault(e => e.End is null);

    public int AgeOn(DateOnly date) => ChildAge.On(DateOfBirth, date);
}
