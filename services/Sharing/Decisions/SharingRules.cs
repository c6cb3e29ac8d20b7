using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Decisions;

public sealed record DecisionRequest(string Source, string Recipient, string ChildKey, DataCategory Category, Purpose Purpose);

public sealed record DecisionResult(
    Outcome Outcome, LawfulBasis? Basis, string Reason, string? AgreementId = null, Guid? ConsentId = null, Guid? OverrideId = null)
{
    public bool Permitted => Outcome == Outcome.Permit;
}

/// <summary>
/// The sharing rules, free of storage so they can be read and tested as a table:
/// <list type="number">
/// <item>No agreement line for (source, category, recipient, purpose) on the day: deny, unless a safeguarding override
/// covers a safeguarding request.</item>
/// <item>A statutory duty: permit; consent, given or refused, never overrides it.</item>
/// <item>An agreement on public task or safeguarding grounds that needs no consent: permit.</item>
/// <item>An agreement that needs consent: the newest covering consent decides; a refusal (or no consent) is respected
/// unless a safeguarding override covers a safeguarding request. An adult's consent is their own.</item>
/// </list>
/// </summary>
public static class SharingRules
{
    public const int AdultAge = 18;

    public static DecisionResult Decide(
        DecisionRequest request,
        DateTimeOffset at,
        IEnumerable<SharingAgreement> agreements,
        IEnumerable<ConsentRecord> consents,
        IEnumerable<SafeguardingOverride> overrides,
        int? childAge)
    {
        var agreement = AgreementFor(request, at, agreements);

        var adult = childAge >= AdultAge;
        var consent = consents
            .Where(c => c.ChildKey == request.ChildKey && c.Covers(request.Recipient, request.Category, request.Purpose, at))
            .Where(c => !adult || c.GivenBy == ConsentGiver.YoungPerson)
            .OrderByDescending(c => c.RecordedAt)
            .FirstOrDefault();

        var safeguardingOverride = ReadsOverrides(request)
            ? overrides
                .Where(o => o.ChildKey == request.ChildKey && o.Covers(request.Source, request.Recipient, request.Category, at))
                .OrderByDescending(o => o.RecordedAt)
                .FirstOrDefault()
            : null;

        if (agreement is null)
        {
            return safeguardingOverride is not null
                ? Override(safeguardingOverride, consent)
                : new DecisionResult(Outcome.Deny, null,
                    $"No sharing agreement covers {request.Category} from {request.Source} to {request.Recipient} for {request.Purpose}.");
        }

        if (agreement.StatutoryDuty)
        {
            var refused = consent is { Permit: false };
            return new DecisionResult(Outcome.Permit, agreement.LawfulBasis,
                refused
                    ? $"Statutory duty to share ({agreement.Reference}); a recorded refusal does not override a statutory duty."
                    : $"Statutory duty to share ({agreement.Reference}).",
                agreement.Id, refused ? consent!.Id : null);
        }

        if (!agreement.ConsentRequired)
        {
            return new DecisionResult(Outcome.Permit, agreement.LawfulBasis, $"Sharing agreement line {agreement.Id} ({agreement.Reference}).", agreement.Id);
        }

        if (consent is { Permit: true })
        {
            return new DecisionResult(Outcome.Permit, LawfulBasis.Consent, $"Consent given by the {Describe(consent.GivenBy)}.", agreement.Id, consent.Id);
        }
        if (safeguardingOverride is not null)
        {
            return Override(safeguardingOverride, consent) with { AgreementId = agreement.Id };
        }
        if (consent is { Permit: false })
        {
            return new DecisionResult(Outcome.Deny, null,
                $"Consent refused by the {Describe(consent.GivenBy)}; agreement line {agreement.Id} requires consent.", agreement.Id, consent.Id);
        }
        return new DecisionResult(Outcome.Deny, null,
            adult
                ? $"Agreement line {agreement.Id} requires the young person's own consent (18 or over) and none is recorded."
                : $"Agreement line {agreement.Id} requires consent and none is recorded.",
            agreement.Id);
    }

    /// <summary>
    /// Whether <see cref="Decide"/> can look at the child's consents: not when an agreement needing no consent and
    /// imposing no duty decides alone (the board's feed, safeguarding on public task), so they need not be read.
    /// </summary>
    public static bool ReadsConsents(DecisionRequest request, DateTimeOffset at, IEnumerable<SharingAgreement> agreements) =>
        AgreementFor(request, at, agreements) is not { StatutoryDuty: false, ConsentRequired: false };

    /// <summary>Whether <see cref="Decide"/> can look at safeguarding overrides: only for a safeguarding request.</summary>
    public static bool ReadsOverrides(DecisionRequest request) => request.Purpose == Purpose.Safeguarding;

    private static SharingAgreement? AgreementFor(DecisionRequest request, DateTimeOffset at, IEnumerable<SharingAgreement> agreements)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return agreements
            .Where(a => (a.SourceAgency == request.Source || a.SourceAgency == SharingAgreement.AnySource)
                && a.RecipientAgency == request.Recipient && a.Category == request.Category && a.Purpose == request.Purpose
                && a.IsEffectiveOn(day))
            .OrderByDescending(a => a.StatutoryDuty)
            .ThenByDescending(a => !a.ConsentRequired)
            .ThenByDescending(a => a.SourceAgency == request.Source)
            .FirstOrDefault();
    }

    private static DecisionResult Override(SafeguardingOverride o, ConsentRecord? consent) => new(
        Outcome.Permit, o.LawfulBasis,
        $"Safeguarding override by a {o.OfficerRole} (officer {o.OfficerId}) valid until {o.ValidTo:u}"
        + (consent is { Permit: false } ? "; shared despite a recorded refusal." : "."),
        null, consent?.Id, o.Id);

    private static string Describe(ConsentGiver giver) => giver switch
    {
        ConsentGiver.YoungPerson => "young person",
        ConsentGiver.ParentalResponsibility => "person with parental responsibility",
        ConsentGiver.LocalAuthority => "local authority",
        _ => giver.ToString(),
    };
}
