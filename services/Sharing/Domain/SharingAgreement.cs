namespace Partnership.Sharing.Domain;

/// <summary>
/// One line of an information sharing agreement: the source agency may share this category with the recipient for
/// this purpose on this lawful basis, during the effective period. Loaded from Agreements/agreements.json.
/// </summary>
public sealed class SharingAgreement
{
    /// <summary>Matches any partner agency as the source (used for the board's aggregate feed).</summary>
    public const string AnySource = "*";

    public required string Id { get; set; }
    public required string SourceAgency { get; set; }
    public DataCategory Category { get; set; }
    public required string RecipientAgency { get; set; }
    public Purpose Purpose { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    /// <summary>The share discharges a statutory duty: a refusal of consent cannot stop it.</summary>
    public bool StatutoryDuty { get; set; }
    /// <summary>The share is discretionary and rests on consent: without a permission, or with a refusal, nothing goes.</summary>
    public bool ConsentRequired { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>The statute, guidance or agreement paragraph the line comes from.</summary>
    public required string Reference { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}
