using Partnership.Health.Apis;
using Partnership.Health.Validation;

namespace Partnership.UnitTests;

public sealed class HealthAssessmentValidationTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordHealthAssessmentRequestValidator _validator = new(Clock);

    private static RecordHealthAssessmentRequest Valid() =>
        new("CH-0001", "Initial", new DateOnly(2026, 10, 1), new DateOnly(2026, 9, 28), true, true, 12);

    [Fact]
    public void A_complete_request_is_valid() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData("ChildKey", null)]
    [InlineData("ChildKey", "has spaces")]
    [InlineData("ChildKey", "<script>")]
    [InlineData("AssessmentType", "Dental")]
    [InlineData("AssessmentType", "7")]
    [InlineData("AssessmentType", null)]
    public void Bad_text_fields_are_reported_against_the_field(string field, string? value)
    {
        var request = field == "ChildKey" ? Valid() with { ChildKey = value } : Valid() with { AssessmentType = value };
        var result = _validator.Validate(request);
        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Completion_in_the_future_is_rejected()
    {
        var result = _validator.Validate(Valid() with { CompletedOn = new DateOnly(2026, 11, 28) });
        Assert.Contains(result.Errors, e => e.PropertyName == "CompletedOn");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(41)]
    public void Sdq_scores_outside_0_to_40_are_rejected(int score)
    {
        var result = _validator.Validate(Valid() with { SdqScore = score });
        Assert.Contains(result.Errors, e => e.PropertyName == "SdqScore");
    }

    [Fact]
    public void Missing_dates_are_reported()
    {
        var result = _validator.Validate(Valid() with { DueDate = null, CompletedOn = null });
        Assert.Contains(result.Errors, e => e.PropertyName == "DueDate");
        Assert.Contains(result.Errors, e => e.PropertyName == "CompletedOn");
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
