using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Partnership.ServiceDefaults.Retention;

public static class RetentionExtensions
{
    /// <summary>
    /// Enforces the given table policies on the service's own database. May be called more than once (the shared
    /// outbox/inbox policies and the service's own); one job runs them all.
    /// </summary>
    public static IHostApplicationBuilder AddRetention<TDbContext>(this IHostApplicationBuilder builder, IEnumerable<RetentionPolicy> policies)
        where TDbContext : DbContext
    {
        builder.Services.AddRetentionJob();
        foreach (var policy in policies)
        {
            builder.Services.AddSingleton<IRetentionRule>(new TableRetentionRule<TDbContext>(policy));
        }
        return builder;
    }

    /// <summary>Adds a rule of the service's own (resolved from the container) to the retention job.</summary>
    public static IHostApplicationBuilder AddRetentionRule<TRule>(this IHostApplicationBuilder builder) where TRule : class, IRetentionRule
    {
        builder.Services.AddRetentionJob();
        builder.Services.AddSingleton<IRetentionRule, TRule>();
        return builder;
    }

    private static void AddRetentionJob(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RetentionJob)))
        {
            return;
        }
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(OverridesParse, "Retention:Policies:<name>:Period must read like \"30 days\", \"3 years\" or \"current + 7 reporting years\".")
            .Validate(o => o.BatchSize > 0 && o.Interval > TimeSpan.Zero && o.InitialDelay >= TimeSpan.Zero,
                "Retention:BatchSize and Retention:Interval must be positive and Retention:InitialDelay not negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
    }

    private static bool OverridesParse(RetentionOptions options)
    {
        foreach (var policy in options.Policies.Values.Where(p => !string.IsNullOrWhiteSpace(p.Period)))
        {
            try
            {
                RetentionPeriod.Parse(policy.Period!);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        return true;
    }
}
