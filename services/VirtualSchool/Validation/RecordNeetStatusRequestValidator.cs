using FluentValidation;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordNeetStatusRequestValidator : AbstractValidator<RecordNeetStatusRequest>
{
    public RecordNeetStatusRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.RecordedOn).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest).NotInFuture(clock);
        RuleFor(r => r.AgeYears).NotNull().InclusiveBetween(NeetStatuses.MinimumAge, NeetStatuses.MaximumAge);
        RuleFor(r => r.Neet).NotNull();
    }
}
