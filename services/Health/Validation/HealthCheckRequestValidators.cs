using FluentValidation;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Apis;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Health.Validation;

public sealed class RecordDentalCheckRequestValidator : AbstractValidator<RecordDentalCheckRequest>
{
    public RecordDentalCheckRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.CheckedOn).NotNull().NotInFuture(clock);
        RuleFor(r => r.RegisteredWithDentist).NotNull();
    }
}

public sealed class RecordGpRegistrationRequestValidator : AbstractValidator<RecordGpRegistrationRequest>
{
    public RecordGpRegistrationRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.RecordedOn).NotNull().NotInFuture(clock);
        RuleFor(r => r.Registered).NotNull();
    }
}

public sealed class RecordImmunisationStatusRequestValidator : AbstractValidator<RecordImmunisationStatusRequest>
{
    public RecordImmunisationStatusRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.RecordedOn).NotNull().NotInFuture(clock);
        RuleFor(r => r.Milestone).EnumName<RecordImmunisationStatusRequest, ImmunisationMilestone>();
        RuleFor(r => r.UpToDate).NotNull();
        // Care leavers' records are kept to 25, so the age range is wider than for children in care.
        RuleFor(r => r.AgeYears).NotNull().InclusiveBetween(0, 25);
    }
}

public sealed class RecordSdqScoreRequestValidator : AbstractValidator<RecordSdqScoreRequest>
{
    public RecordSdqScoreRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.CompletedOn).NotNull().NotInFuture(clock);
        RuleFor(r => r.Score).NotNull().InclusiveBetween(0, SdqScore.MaximumScore);
        RuleFor(r => r.AgeYears)
            .NotNull()
            .InclusiveBetween(SdqScore.MinimumAge, SdqScore.MaximumAge)
            .WithMessage($"'Age Years' must be {SdqScore.MinimumAge} to {SdqScore.MaximumAge}: the SDQ is completed for children of those ages.");
    }
}

public sealed class RecordSubstanceMisuseRequestValidator : AbstractValidator<RecordSubstanceMisuseRequest>
{
    public RecordSubstanceMisuseRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.IdentifiedOn).NotNull().NotInFuture(clock);
        RuleFor(r => r.InterventionOffered).NotNull();
        RuleFor(r => r.InterventionReceived).NotNull();
        RuleFor(r => r.InterventionReceived)
            .NotEqual(true).WithMessage("'Intervention Received' cannot be true when no intervention was offered.")
            .When(r => r.InterventionOffered == false);
    }
}

public sealed class StartCamhsReferralRequestValidator : AbstractValidator<StartCamhsReferralRequest>
{
    public StartCamhsReferralRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.ReferredOn).NotNull().NotInFuture(clock);
    }
}

public sealed class CamhsStageRequestValidator : AbstractValidator<CamhsStageRequest>
{
    public CamhsStageRequestValidator(TimeProvider clock) => RuleFor(r => r.On).NotNull().NotInFuture(clock);
}
