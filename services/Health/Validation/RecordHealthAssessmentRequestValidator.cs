using FluentValidation;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Apis;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Health.Validation;

public sealed class RecordHealthAssessmentRequestValidator : AbstractValidator<RecordHealthAssessmentRequest>
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public RecordHealthAssessmentRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey)
            .NotEmpty()
            .MaximumLength(64)
            .Matches("^[A-Za-z0-9-]+$").WithMessage("'Child Key' must be a platform child key (letters, digits and hyphens).");
        RuleFor(r => r.AssessmentType)
            .NotEmpty()
            .Must(t => Enum.TryParse<HealthAssessmentType>(t, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(t, out _))
            .WithMessage("'Assessment Type' must be one of: Initial, Review.");
        RuleFor(r => r.DueDate)
            .NotNull()
            .Unless(r => IsInitial(r) && r.EnteredCareOn is not null || IsReview(r) && r.AgeYears is not null)
            .WithMessage("'Due Date' is required unless an initial assessment gives Entered Care On or a review gives Age Years.")
            .GreaterThanOrEqualTo(Earliest);
        // Separate rules: a When on a chain would guard every validator before it, not just the last.
        RuleFor(r => r.EnteredCareOn)
            .Null().WithMessage("'Entered Care On' only sets the due date of an initial assessment.")
            .When(r => !IsInitial(r));
        RuleFor(r => r.EnteredCareOn)
            .Null().WithMessage("Give either 'Due Date' or 'Entered Care On', not both.")
            .When(r => r.DueDate is not null);
        RuleFor(r => r.EnteredCareOn)
            .Must(d => d is null || AssessmentTimescales.CanComputeInitialDue(d.Value))
            .WithMessage($"'Entered Care On' must fall in {EnglandAndWalesCalendar.FirstSupportedYear}–{EnglandAndWalesCalendar.LastSupportedYear}, the years whose bank holidays are known.")
            .Must((r, d) => d is null || r.CompletedOn is null || d <= r.CompletedOn)
            .WithMessage("'Entered Care On' cannot be after the assessment was completed.");
        RuleFor(r => r.AgeYears).InclusiveBetween(0, 17);
        RuleFor(r => r.CompletedOn)
            .NotNull()
            .GreaterThanOrEqualTo(Earliest)
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'Completed On' cannot be in the future.");
        RuleFor(r => r.SdqScore).InclusiveBetween(0, 40);
    }

    private static bool IsInitial(RecordHealthAssessmentRequest r) =>
        PartnershipRules.TryParseName<HealthAssessmentType>(r.AssessmentType, out var t) && t == HealthAssessmentType.Initial;

    private static bool IsReview(RecordHealthAssessmentRequest r) =>
        PartnershipRules.TryParseName<HealthAssessmentType>(r.AssessmentType, out var t) && t == HealthAssessmentType.Review;
}
