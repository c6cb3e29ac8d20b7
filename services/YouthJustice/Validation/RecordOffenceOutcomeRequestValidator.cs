using FluentValidation;
using Partnership.Contracts.YouthJustice.V1;
using Partnership.ServiceDefaults.Validation;
using Partnership.YouthJustice.Apis;
using Partnership.YouthJustice.Domain;

namespace Partnership.YouthJustice.Validation;

public sealed class RecordOffenceOutcomeRequestValidator : AbstractValidator<RecordOffenceOutcomeRequest>
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public RecordOffenceOutcomeRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.Outcome).EnumName<RecordOffenceOutcomeRequest, OffenceOutcomeType>();
        RuleFor(r => r.OffenceDate).NotNull().GreaterThanOrEqualTo(Earliest).NotInFuture(clock);
        RuleFor(r => r.OutcomeDate).NotNull().GreaterThanOrEqualTo(Earliest).NotInFuture(clock);
        RuleFor(r => r.OutcomeDate)
            .GreaterThanOrEqualTo(r => r.OffenceDate).When(r => r.OffenceDate is not null && r.OutcomeDate is not null)
            .WithMessage("'Outcome Date' cannot be before the offence.");
        RuleFor(r => r.AgeAtOffence)
            .NotNull()
            .GreaterThanOrEqualTo(OffenceOutcome.MinimumAge)
            .WithMessage($"'Age At Offence' must be at least {OffenceOutcome.MinimumAge}, the age of criminal responsibility.")
            .LessThanOrEqualTo(OffenceOutcome.MaximumAge)
            .WithMessage($"'Age At Offence' must be at most {OffenceOutcome.MaximumAge}: youth justice covers offences before the 18th birthday.");
        RuleFor(r => r.FirstTimeEntrant)
            .NotEqual(true)
            .When(r => PartnershipRules.TryParseName<OffenceOutcomeType>(r.Outcome, out var outcome) && !OffenceOutcome.IsFormalDisposal(outcome))
            .WithMessage("Only a caution, conditional caution, conviction or custody makes a first-time entrant.");
    }
}
