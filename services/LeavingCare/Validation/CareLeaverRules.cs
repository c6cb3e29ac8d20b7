using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.LeavingCare.Validation;

/// <summary>Rules every care leaver record shares: the young person is registered, and of the right age on the date.</summary>
public static class CareLeaverRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static IRuleBuilderOptions<T, string?> RegisteredCareLeaver<T>(this IRuleBuilderInitial<T, string?> rule, LeavingCareDbContext db) => rule
        .Cascade(CascadeMode.Stop)
        .ChildKey()
        .MustAsync((key, ct) => db.CareLeavers.AnyAsync(c => c.ChildKey == key, ct))
        .WithMessage("'{PropertyName}' is not a registered care leaver; register them first.");

    /// <summary>A required date, not in the future, on which the care leaver was aged <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> CareLeaverDate<T>(
        this IRuleBuilderInitial<T, DateOnly?> rule, LeavingCareDbContext db, TimeProvider clock, Func<T, string?> childKey, int min, int max) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull()
        .GreaterThanOrEqualTo(Earliest)
        .NotInFuture(clock)
        .MustAsync(async (request, date, ct) =>
        {
            var key = childKey(request);
            var dateOfBirth = await db.CareLeavers.Where(c => c.ChildKey == key).Select(c => (DateOnly?)c.DateOfBirth).FirstOrDefaultAsync(ct);
            // An unregistered care leaver is reported on the child key, not here.
            return dateOfBirth is null || Ages.WholeYears(dateOfBirth.Value, date!.Value) is var age && age >= min && age <= max;
        })
        .WithMessage($"The care leaver must be aged {min} to {max} on '{{PropertyName}}'.");
}
