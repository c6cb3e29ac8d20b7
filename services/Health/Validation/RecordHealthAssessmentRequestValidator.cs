using FluentValidation;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Apis;

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
        RuleFor(r => r.DueDate).NotNull().GreaterThanOrEqualTo(Earliest);
        RuleFor(r => r.CompletedOn)
            .NotNull()
            .GreaterThanOrEqualTo(Earliest)
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'Completed On' cannot be in the future.");
        RuleFor(r => r.SdqScore).InclusiveBetween(0, 40);
    }
}
