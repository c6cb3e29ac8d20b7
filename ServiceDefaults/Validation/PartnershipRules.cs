using FluentValidation;

namespace Partnership.ServiceDefaults.Validation;

/// <summary>Field rules every agency API applies the same way.</summary>
public static class PartnershipRules
{
    /// <summary>A platform child key: never a name, NHS number or UPN, so only letters, digits and hyphens.</summary>
    public static IRuleBuilderOptions<T, string?> ChildKey<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty()
        .MaximumLength(64)
        .Matches("^[A-Za-z0-9-]+$").WithMessage("'{PropertyName}' must be a platform child key (letters, digits and hyphens).");

    /// <summary>
    /// A required string naming a member of <typeparamref name="TEnum"/>. Requests carry enums as strings so an unknown
    /// value is a field error rather than a body that fails to parse; numbers are refused so clients cannot depend on them.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> EnumName<T, TEnum>(this IRuleBuilder<T, string?> rule) where TEnum : struct, Enum => rule
        .NotEmpty()
        .Must(v => TryParseName<TEnum>(v, out _))
        .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public static bool TryParseName<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        return !string.IsNullOrWhiteSpace(value)
            && !value.Any(char.IsDigit)
            && Enum.TryParse(value, ignoreCase: true, out parsed)
            && Enum.IsDefined(parsed);
    }

    /// <summary>Parses a value a validator has already accepted with <see cref="EnumName{T,TEnum}"/>.</summary>
    public static TEnum ParseName<TEnum>(string value) where TEnum : struct, Enum =>
        TryParseName<TEnum>(value, out var parsed) ? parsed : throw new ArgumentException($"'{value}' is not a {typeof(TEnum).Name}.", nameof(value));

    /// <summary>A date that is not after today by the service's clock.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> NotInFuture<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) => rule
        .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        .WithMessage("'{PropertyName}' cannot be in the future.");

    /// <summary>An instant that is not after now by the service's clock (a few minutes' grace for clock drift).</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> NotInFuture<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) => rule
        .Must(d => d is null || d <= clock.GetUtcNow().AddMinutes(5))
        .WithMessage("'{PropertyName}' cannot be in the future.");
}
