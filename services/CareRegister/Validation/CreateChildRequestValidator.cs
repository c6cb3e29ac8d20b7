using FluentValidation;
using Partnership.CareRegister.Apis;
using Partnership.CareRegister.Identifiers;
using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Validation;

public sealed class CreateChildRequestValidator : AbstractValidator<CreateChildRequest>
{
    public CreateChildRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.GivenName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.FamilyName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DateOfBirth)
            .NotNull()
            .GreaterThanOrEqualTo(new DateOnly(1990, 1, 1))
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'Date Of Birth' cannot be in the future.");
        RuleFor(r => r.Sex).NotNull().Must(s => s is 1 or 2).WithMessage("'Sex' must be 1 (male) or 2 (female), as SSDA903 codes it.");
        RuleFor(r => r.Ethnicity).NotEmpty().Must(e => e is not null && Ssda903Codes.Ethnicity.Contains(e))
            .WithMessage("'Ethnicity' must be an SSDA903 ETHNIC code such as WBRI.");
        RuleFor(r => r.NhsNumber).Must(NhsNumber.IsValid).When(r => r.NhsNumber is not null)
            .WithMessage("'Nhs Number' must be ten digits with a valid modulus-11 check digit.");
        RuleFor(r => r.Upn).Matches("^[A-Z][0-9]{11}[0-9A-Z]$").When(r => r.Upn is not null)
            .WithMessage("'Upn' must be a 13-character unique pupil number.");
        RuleFor(r => r.PoliceReference).MaximumLength(40).Matches("^[A-Za-z0-9/-]+$").When(r => r.PoliceReference is not null);
        RuleFor(r => r.LocalChildId).MaximumLength(10).Matches("^[A-Za-z0-9]+$").When(r => r.LocalChildId is not null);
    }
}
