using FluentValidation;
using Partnership.CareRegister.Apis;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Placements;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.CareRegister.Validation;

public sealed class EnterCareRequestValidator : AbstractValidator<EnterCareRequest>
{
    public EnterCareRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.EnteredCareOn).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.LegalStatus).Must(CareCodes.IsLegalStatus).WithMessage("'Legal Status' must be an SSDA903 LS code such as C2.");
        RuleFor(r => r.PlacementType).Must(CareCodes.IsPlacement).WithMessage("'Placement Type' must be an SSDA903 PLACE code such as U1.");
        RuleFor(r => r.PlacementProvider).Must(CareCodes.IsProviderOrBlank).WithMessage("'Placement Provider' must be PR0 to PR5.");
        RuleFor(r => r.HomePostcode).Postcode();
        RuleFor(r => r.PlacementPostcode).Postcode();
    }
}

public sealed class ChangePlacementRequestValidator : AbstractValidator<ChangePlacementRequest>
{
    public ChangePlacementRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChangedOn).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.PlacementType).Must(CareCodes.IsPlacement).WithMessage("'Placement Type' must be an SSDA903 PLACE code such as U1.");
        RuleFor(r => r.PlacementProvider).Must(CareCodes.IsProviderOrBlank).WithMessage("'Placement Provider' must be PR0 to PR5.");
        RuleFor(r => r.Reason).Must(CareCodes.IsPlaceChangeReasonOrBlank).WithMessage("'Reason' must be an SSDA903 REASON_PLACE_CHANGE code.");
        RuleFor(r => r.HomePostcode).Postcode();
        RuleFor(r => r.PlacementPostcode).Postcode();
    }
}

public sealed class ChangeLegalStatusRequestValidator : AbstractValidator<ChangeLegalStatusRequest>
{
    public ChangeLegalStatusRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChangedOn).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.LegalStatus).Must(CareCodes.IsLegalStatus).WithMessage("'Legal Status' must be an SSDA903 LS code such as C2.");
    }
}

public sealed class CeaseCareRequestValidator : AbstractValidator<CeaseCareRequest>
{
    public CeaseCareRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.CeasedOn).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.ReasonCode).Must(CareCodes.IsReasonCeasedCare).WithMessage("'Reason Code' must be an SSDA903 REC code other than X1.");
    }
}

public sealed class BecomeCareLeaverRequestValidator : AbstractValidator<BecomeCareLeaverRequest>
{
    public BecomeCareLeaverRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.On).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.Category).EnumName<BecomeCareLeaverRequest, CareLeaverCategory>();
    }
}

public sealed class RecordReviewRequestValidator : AbstractValidator<RecordReviewRequest>
{
    public RecordReviewRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.HeldOn).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
        RuleFor(r => r.ParticipationCode).Must(CareCodes.IsParticipation).WithMessage("'Participation Code' must be PN0 to PN7.");
    }
}

public sealed class RecordAdoptionMilestoneRequestValidator : AbstractValidator<RecordAdoptionMilestoneRequest>
{
    public RecordAdoptionMilestoneRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Milestone).EnumName<RecordAdoptionMilestoneRequest, AdoptionMilestone>();
        RuleFor(r => r.On).NotNull().NotInFuture(clock).GreaterThanOrEqualTo(new DateOnly(1990, 1, 1));
    }
}

public sealed class ResolveChildRequestValidator : AbstractValidator<ResolveChildRequest>
{
    public ResolveChildRequestValidator()
    {
        RuleFor(r => r.IdentifierType).EnumName<ResolveChildRequest, IdentifierType>();
        RuleFor(r => r.Value).NotEmpty().MaximumLength(40);
    }
}

public static class PostcodeRules
{
    public static IRuleBuilderOptions<T, string?> Postcode<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(p => p is null || Postcodes.IsWellFormed(p))
        .WithMessage("'{PropertyName}' must be a UK postcode, its sector or its district, e.g. NG1 5FS, NG1 5 or NG1.");
}
