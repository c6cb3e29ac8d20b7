using FluentValidation;
using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordExclusionRequestValidator : AbstractValidator<RecordExclusionRequest>
{
    public RecordExclusionRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.Type).EnumName<RecordExclusionRequest, ExclusionType>();
        RuleFor(r => r.StartDate).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest).NotInFuture(clock);
        // Registers are kept in half-day sessions.
        RuleFor(r => r.Sessions).NotNull().InclusiveBetween(0.5m, 400m)
            .Must(s => s is null || s * 2 == Math.Floor(s.Value * 2)).WithMessage("'Sessions' must be a whole or half number of sessions.");
    }
}
