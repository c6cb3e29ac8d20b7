using System.Text.Json;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Tests;

/// <summary>
/// The decision service skips reading consents or overrides when the rules say they cannot matter. For every agreement
/// line in the service's own file, every purpose and every source, a decision taken without them must equal the one
/// taken with a covering permission, a covering refusal and a covering override in hand.
/// </summary>
public sealed class RuleInputsTests
{
    private const string Child = "RULE-INPUTS-1";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private sealed record AgreementFile(List<SharingAgreement> Agreements);

    [Fact]
    public void Skipped_inputs_never_change_a_decision()
    {
        var agreements = LoadAgreements();
        var requests = (
            from line in agreements
            from source in new[] { line.SourceAgency == SharingAgreement.AnySource ? Agencies.Health : line.SourceAgency, Agencies.Police }
            from purpose in Enum.GetValues<Purpose>()
            select new DecisionRequest(source, line.RecipientAgency, Child, line.Category, purpose)).Distinct().ToList();
        Assert.NotEmpty(requests);

        var skippedConsents = 0;
        var skippedOverrides = 0;
        foreach (var request in requests)
        {
            foreach (var permit in new[] { true, false })
            {
                foreach (var age in new int?[] { null, 15, 19 })
                {
                    var consents = new[] { ConsentFor(request, permit, age >= SharingRules.AdultAge ? ConsentGiver.YoungPerson : ConsentGiver.ParentalResponsibility) };
                    var overrides = new[] { OverrideFor(request) };
                    var everything = SharingRules.Decide(request, At, agreements, consents, overrides, age);
                    var readsConsents = SharingRules.ReadsConsents(request, At, agreements);
                    var readsOverrides = SharingRules.ReadsOverrides(request);
                    var asRead = SharingRules.Decide(request, At, agreements,
                        readsConsents ? consents : [], readsOverrides ? overrides : [], age);
                    Assert.Equal(everything, asRead);
                    skippedConsents += readsConsents ? 0 : 1;
                    skippedOverrides += readsOverrides ? 0 : 1;
                }
            }
        }
        // The shortcut is taken at all (the board's feed), so the comparison above is not vacuous.
        Assert.True(skippedConsents > 0);
        Assert.True(skippedOverrides > 0);
    }

    private static List<SharingAgreement> LoadAgreements()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Agreements", "agreements.json");
        return JsonSerializer.Deserialize<AgreementFile>(File.ReadAllText(path), ContractJson.Options)!.Agreements;
    }

    private static ConsentRecord ConsentFor(DecisionRequest request, bool permit, ConsentGiver giver) => new()
    {
        Id = Guid.NewGuid(),
        ChildKey = Child,
        GivenBy = giver,
        Permit = permit,
        Categories = [request.Category],
        Recipients = [request.Recipient],
        Purpose = request.Purpose,
        ValidFrom = At.AddDays(-10),
        RecordedAt = At.AddDays(-10),
        RecordedBy = "tester",
        RecordedByAgency = Agencies.SocialCare,
    };

    private static SafeguardingOverride OverrideFor(DecisionRequest request) => new()
    {
        Id = Guid.NewGuid(),
        ChildKey = Child,
        SourceAgency = request.Source,
        RecipientAgency = request.Recipient,
        Categories = [request.Category],
        OfficerId = "officer-1",
        OfficerRole = OverrideRoles.SafeguardingLead,
        Reason = "test",
        LawfulBasis = LawfulBasis.PublicTaskSafeguarding,
        ValidFrom = At.AddDays(-1),
        ValidTo = At.AddDays(1),
        RecordedAt = At.AddDays(-1),
        RecordedBy = "tester",
    };
}
