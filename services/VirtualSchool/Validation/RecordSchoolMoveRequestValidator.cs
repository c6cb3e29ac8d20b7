using FluentValidation;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordSchoolMoveRequestValidator : AbstractValidator<RecordSchoolMoveRequest>
{
    public RecordSchoolMoveRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.MovedOn).NotNull().GreaterThanOrEqualTo(EducationDates.Earliest).NotInFuture(clock);
        RuleFor(r => r.FollowedPlacementMove).NotNull();
    }
}
