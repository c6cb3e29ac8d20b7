using FluentValidation;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordSchoolAdmissionRequestValidator : AbstractValidator<RecordSchoolAdmissionRequest>
{
    public RecordSchoolAdmissionRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.RequestedOn).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest).NotInFuture(clock);
        RuleFor(r => r.AdmittedOn).NotNull().NotInFuture(clock)
            .GreaterThanOrEqualTo(r => r.RequestedOn).When(r => r.RequestedOn is not null)
            .WithMessage("'Admitted On' cannot be before 'Requested On'.");
        RuleFor(r => r.SchoolDaysTaken).NotNull().GreaterThanOrEqualTo(0)
            .Must((r, days) => days is null || r.RequestedOn is null || r.AdmittedOn is null
                || days <= r.AdmittedOn.Value.DayNumber - r.RequestedOn.Value.DayNumber)
            .WithMessage("'School Days Taken' cannot exceed the calendar days between request and admission.");
    }
}
