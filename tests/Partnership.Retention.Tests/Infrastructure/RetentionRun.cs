using Microsoft.Extensions.DependencyInjection;
using Partnership.ServiceDefaults.Retention;

namespace Partnership.Retention.Tests.Infrastructure;

/// <summary>
/// Runs a service's real retention job (its registered rules, its DbContext) once, at a chosen instant and with chosen
/// options. The batch size is small so that every policy in these tests needs several transactions.
/// </summary>
public static class RetentionRun
{
    /// <summary>A day in the 2026-27 reporting year: the current SSDA903 collection year is the one ending in 2027.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<RetentionOutcome>> RunAsync(IServiceProvider services, bool dryRun = false,
        DateTimeOffset? now = null, Action<RetentionOptions>? configure = null)
    {
        var options = new RetentionOptions { DryRun = dryRun, BatchSize = 2 };
        configure?.Invoke(options);
        var job = ActivatorUtilities.CreateInstance<RetentionJob>(services,
            new FixedOptions<RetentionOptions>(options), (TimeProvider)new FixedClock(now ?? Now));
        var outcomes = await job.RunOnceAsync(TestContext.Current.CancellationToken);
        var failed = outcomes.Where(o => o.Error is not null).Select(o => $"{o.Rule}: {o.Error}").ToList();
        Assert.True(failed.Count == 0, $"retention rules failed: {string.Join("; ", failed)}");
        return outcomes;
    }

    public static IReadOnlyList<string> RuleNames(IServiceProvider services) =>
        [.. services.GetRequiredService<RetentionJob>().Rules.Select(r => r.Name)];

    public static long Rows(this IReadOnlyList<RetentionOutcome> outcomes, string rule, string table) =>
        outcomes.Single(o => o.Rule == rule).Rows.GetValueOrDefault(table);
}
