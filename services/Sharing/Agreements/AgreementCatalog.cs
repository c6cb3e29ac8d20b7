using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Agreements;

/// <summary>
/// The agreement lines as loaded at start-up, kept in memory because they change only when the agreements file does,
/// and the file is read only at start-up: every decision would otherwise read the same rows again.
/// </summary>
public sealed class AgreementCatalog
{
    private volatile IReadOnlyList<SharingAgreement>? lines;

    public void Replace(IReadOnlyList<SharingAgreement> loaded) => lines = loaded;

    public IReadOnlyList<SharingAgreement> For(string recipient, DataCategory category, Purpose purpose) =>
        (lines ?? throw new InvalidOperationException("Agreements are read before the service takes decisions."))
        .Where(a => a.RecipientAgency == recipient && a.Category == category && a.Purpose == purpose)
        .ToList();
}
