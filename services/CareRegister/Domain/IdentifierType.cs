namespace Partnership.CareRegister.Domain;

/// <summary>The agency identifiers that resolve to a platform child key, and which agency may use each.</summary>
public enum IdentifierType
{
    NhsNumber = 1,
    Upn = 2,
    PoliceReference = 3,
}
