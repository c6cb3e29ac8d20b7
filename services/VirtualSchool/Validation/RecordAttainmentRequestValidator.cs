using FluentValidation;
using Partnership.ServiceDefaults.Validation;
using Partnership.VirtualSchool.Apis;

namespace Partnership.VirtualSchool.Validation;

public sealed class RecordAttainmentRequestValidator : AbstractValidator<RecordAttainmentRequest>
{
    public RecordAttainmentRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.AcademicYear).NotNull().InclusiveBetween(2000, clock.GetUtcNow().Year + 1);
        RuleFor(r => r.KeyStage).NotNull().InclusiveBetween(1, 5);
        RuleFor(r => r.FiveOrMoreAToC).NotNull();
        RuleFor(r => r.FiveOrMoreAToCIncludingEnglishAndMaths).NotNull();
        RuleFor(r => r.LookedAfterTwelveMonthsAt31March).NotNull();
        RuleFor(r => r.FiveOrMoreAToC).Equal(true)
            .When(r => r.FiveOrMoreAToCIncludingEnglishAndMaths == true)
            .WithMessage("Five or more A*–C including English and maths implies five or more A*–C.");
    }
}
