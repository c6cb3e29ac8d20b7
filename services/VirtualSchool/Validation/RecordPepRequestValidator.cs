using FluentValidation;
using Partnership.Contracts.VirtualSchool.V1;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordPepRequestValidator : AbstractValidator<RecordPepRequest>
{
    public RecordPepRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.Reason).EnumName<RecordPepRequest, PepReason>();
        RuleFor(r => r.DueOn).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest);
        RuleFor(r => r.CompletedOn).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest).NotInFuture(clock);
        RuleFor(r => r.Quality).EnumName<RecordPepRequest, PepQuality>().When(r => !string.IsNullOrEmpty(r.Quality));
    }
}
