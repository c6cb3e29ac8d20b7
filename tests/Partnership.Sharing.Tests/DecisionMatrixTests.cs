using Partnership.Sharing.Grpc.V1;

namespace Partnership.Sharing.Tests;

/// <summary>
/// Agreement × consent state × override × purpose → outcome, through the real gRPC API against the seeded agreements.
/// </summary>
public sealed class DecisionMatrixTests(SharingFixture fixture) : IClassFixture<SharingFixture>
{
    public enum ConsentState { None, Permit, Refuse, PermitOtherRecipient }

    public sealed record Row(
        string Name,
        string SourceClient,
        string Source,
        string Recipient,
        DataCategory Category,
        Purpose Purpose,
        ConsentState Consent,
        bool Override,
        Outcome Expected,
        LawfulBasis ExpectedBasis,
        string ExpectedAgreement,
        string ReasonContains = "")
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Row> Matrix => new(
        // Statutory duty: consent is irrelevant either way.
        new Row("statutory, no consent", "social-care-system", "social-care", "health", DataCategory.Placement, Purpose.StatutoryDuty,
            ConsentState.None, false, Outcome.Permit, LawfulBasis.LegalObligation, "SA-CIC-HEALTH"),
        new Row("statutory, refused: duty wins", "social-care-system", "social-care", "virtual-school", DataCategory.Placement, Purpose.StatutoryDuty,
            ConsentState.Refuse, false, Outcome.Permit, LawfulBasis.LegalObligation, "SA-CIC-VS", "refusal does not override a statutory duty"),
        new Row("statutory agreement, other purpose", "social-care-system", "social-care", "health", DataCategory.Placement, Purpose.DirectCare,
            ConsentState.None, false, Outcome.Deny, LawfulBasis.Unspecified, ""),
        // Safeguarding on public task: no consent needed, a refusal does not stop it.
        new Row("safeguarding, refused", "police-system", "police", "missing-team", DataCategory.MissingEpisodes, Purpose.Safeguarding,
            ConsentState.Refuse, false, Outcome.Permit, LawfulBasis.PublicTaskSafeguarding, "SA-MISSING-3"),
        // Consent-based agreement.
        new Row("consent needed, none", "health-system", "health", "virtual-school", DataCategory.SdqScores, Purpose.CarePlanning,
            ConsentState.None, false, Outcome.Deny, LawfulBasis.Unspecified, "SA-SDQ-VS", "none is recorded"),
        new Row("consent needed, given", "health-system", "health", "virtual-school", DataCategory.SdqScores, Purpose.CarePlanning,
            ConsentState.Permit, false, Outcome.Permit, LawfulBasis.Consent, "SA-SDQ-VS"),
        new Row("consent needed, refused", "health-system", "health", "virtual-school", DataCategory.SdqScores, Purpose.CarePlanning,
            ConsentState.Refuse, false, Outcome.Deny, LawfulBasis.Unspecified, "SA-SDQ-VS", "Consent refused"),
        new Row("consent given to someone else", "health-system", "health", "virtual-school", DataCategory.SdqScores, Purpose.CarePlanning,
            ConsentState.PermitOtherRecipient, false, Outcome.Deny, LawfulBasis.Unspecified, "SA-SDQ-VS"),
        new Row("refused, override, but not a safeguarding purpose", "health-system", "health", "virtual-school", DataCategory.SdqScores, Purpose.CarePlanning,
            ConsentState.Refuse, true, Outcome.Deny, LawfulBasis.Unspecified, "SA-SDQ-VS"),
        // Safeguarding override: permits a safeguarding share that no agreement (or a refusal) would allow.
        new Row("no agreement, no override", "health-system", "health", "police", DataCategory.SdqScores, Purpose.Safeguarding,
            ConsentState.None, false, Outcome.Deny, LawfulBasis.Unspecified, ""),
        new Row("no agreement, refused, override", "health-system", "health", "police", DataCategory.SdqScores, Purpose.Safeguarding,
            ConsentState.Refuse, true, Outcome.Permit, LawfulBasis.PublicTaskSafeguarding, "", "despite a recorded refusal"),
        // The board's feed.
        new Row("aggregate monitoring to the board", "health-system", "health", "board", DataCategory.HealthSummary, Purpose.AggregateMonitoring,
            ConsentState.Refuse, false, Outcome.Permit, LawfulBasis.PublicTask, "SA-BOARD-HEALTHSUMMARY"),
        new Row("board, person-level purpose", "health-system", "health", "board", DataCategory.HealthSummary, Purpose.DirectCare,
            ConsentState.None, false, Outcome.Deny, LawfulBasis.Unspecified, ""));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Decision_follows_the_matrix(Row row)
    {
        var child = SharingFixture.NewChild("MX");
        var auth = await fixture.AuthAsync(row.SourceClient);

        if (row.Consent != ConsentState.None)
        {
            var consent = new RecordConsentRequest
            {
                ChildKey = child,
                GivenBy = ConsentGiver.ParentalResponsibility,
                Permit = row.Consent is ConsentState.Permit or ConsentState.PermitOtherRecipient,
                Purpose = row.Purpose,
                Categories = { row.Category },
                Recipients = { row.Consent == ConsentState.PermitOtherRecipient ? "leaving-care" : row.Recipient },
            };
            await fixture.Grpc.RecordConsentAsync(consent, auth);
        }
        if (row.Override)
        {
            await fixture.Grpc.RecordOverrideAsync(new RecordOverrideRequest
            {
                ChildKey = child,
                Recipient = row.Recipient,
                Categories = { row.Category },
                OfficerId = "officer-4711",
                OfficerRole = "safeguarding-lead",
                Reason = "Immediate risk of significant harm disclosed at review.",
                LawfulBasis = LawfulBasis.PublicTaskSafeguarding,
                ValidForDays = 3,
            }, auth);
        }

        var reply = await fixture.Grpc.DecideAsync(new DecideRequest
        {
            Source = row.Source, Recipient = row.Recipient, ChildKey = child, Category = row.Category, Purpose = row.Purpose,
        }, auth);

        Assert.Equal(row.Expected, reply.Outcome);
        Assert.Equal(row.ExpectedBasis, reply.LawfulBasis);
        Assert.Equal(row.ExpectedAgreement, reply.AgreementId);
        Assert.True(Guid.TryParse(reply.DecisionId, out _));
        Assert.False(string.IsNullOrWhiteSpace(reply.Reason));
        Assert.Contains(row.ReasonContains, reply.Reason);
        Assert.Equal(row.Override && row.Expected == Outcome.Permit, reply.OverrideId.Length > 0);
    }
}
