using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Partnership.LeavingCare.Apis;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.LeavingCare.Validation;

public sealed class RegisterCareLeaverRequestValidator : AbstractValidator<RegisterCareLeaverRequest>
{
    public RegisterCareLeaverRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        RuleFor(r => r.ChildKey).Cascade(CascadeMode.Stop).ChildKey()
            .MustAsync(async (key, ct) => !await db.CareLeavers.AnyAsync(c => c.ChildKey == key, ct))
            .WithMessage("This care leaver is already registered.");
        RuleFor(r => r.DateOfBirth).NotNull()
            .Must(d => d is null || Ages.WholeYears(d.Value, today) is >= 15 and <= 25)
            .WithMessage("The leaving care service supports young people aged 15 to 25.");
        RuleFor(r => r.Category).EnumName<RegisterCareLeaverRequest, CareLeaverCategory>();
    }
}
