using FluentValidation;
using Partnership.Board.Apis;
using Partnership.Board.Indicators;

namespace Partnership.Board.Validation;

/// <summary>Rules that need no indicator: the endpoint adds the indicator's own (manual only, percentages to 100).</summary>
public sealed class ManualValueRequestValidator : AbstractValidator<ManualValueRequest>
{
    public ManualValueRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(r => r.Quarter).InclusiveBetween(1, 4).When(r => r.Quarter is not null);
        RuleFor(r => r.Year)
            .Must((r, year) => new ReportingPeriod(year!.Value, r.Quarter).From <= PeriodQuery.Today(clock))
            .WithMessage("The period has not started yet.")
            .When(r => r.Year is >= 2000 and <= 2100 && r.Quarter is null or (>= 1 and <= 4));
        RuleFor(r => r.Value).NotNull().GreaterThanOrEqualTo(0).LessThan(1_000_000_000);
        RuleFor(r => r.Numerator).NotNull().When(r => r.Denominator is not null).WithMessage("Give the numerator with the denominator.");
        RuleFor(r => r.Denominator).NotNull().When(r => r.Numerator is not null).WithMessage("Give the denominator with the numerator.");
        RuleFor(r => r.Numerator).GreaterThanOrEqualTo(0).When(r => r.Numerator is not null);
        RuleFor(r => r.Denominator).GreaterThanOrEqualTo(r => r.Numerator ?? 0).When(r => r.Denominator is not null)
            .WithMessage("The denominator must be at least the numerator.");
        RuleFor(r => r.Source).NotEmpty().MaximumLength(200)
            .WithMessage("Say where the value comes from (a register, minutes, a survey), in at most 200 characters.");
        RuleFor(r => r.Note).MaximumLength(1000);
    }
}
