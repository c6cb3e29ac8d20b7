using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnership.ServiceDefaults.Telemetry;

namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// Runs every retention rule of the service on an interval. Each rule gets its own scope, and a rule that fails is
/// logged and retried on the next run without stopping the others.
/// </summary>
public sealed partial class RetentionJob : BackgroundService
{
    private static readonly Meter Meter = new(TelemetryExtensions.PartnershipSource);
    private static readonly Counter<long> DeletedRows = Meter.CreateCounter<long>("partnership.retention.deleted", "{row}",
        "Rows deleted because their retention period ended");
    private static readonly Counter<long> DueRows = Meter.CreateCounter<long>("partnership.retention.due", "{row}",
        "Rows past their retention period found by a dry run (not deleted)");

    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<IRetentionRule> _rules;
    private readonly IOptionsMonitor<RetentionOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<RetentionJob> _logger;

    public RetentionJob(IServiceScopeFactory scopes, IEnumerable<IRetentionRule> rules, IOptionsMonitor<RetentionOptions> options,
        TimeProvider clock, ILogger<RetentionJob> logger)
    {
        _rules = [.. rules];
        var duplicated = _rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
        {
            throw new InvalidOperationException($"Retention rule names must be unique; declared more than once: {string.Join(", ", duplicated)}.");
        }
        _scopes = scopes;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    public IReadOnlyList<IRetentionRule> Rules => _rules;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.CurrentValue.Enabled)
        {
            LogDisabled();
            return;
        }
        try
        {
            await Task.Delay(_options.CurrentValue.InitialDelay, _clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(_options.CurrentValue.Interval, _clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies every enabled rule once, with the current options. Public so tests and tools can run it explicitly.</summary>
    public async Task<IReadOnlyList<RetentionOutcome>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var now = _clock.GetUtcNow();
        var outcomes = new List<RetentionOutcome>();
        foreach (var rule in _rules)
        {
            var policyOverride = options.Policies.FirstOrDefault(p => string.Equals(p.Key, rule.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (policyOverride is { Enabled: false })
            {
                continue;
            }
            var period = policyOverride?.Period is { Length: > 0 } text ? RetentionPeriod.Parse(text) : rule.Period;
            outcomes.Add(await ApplyAsync(rule, period, period.CutoffAt(now), options, cancellationToken));
        }
        return outcomes;
    }

    private async Task<RetentionOutcome> ApplyAsync(IRetentionRule rule, RetentionPeriod period, DateTimeOffset cutoff,
        RetentionOptions options, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string table, long count) => rows[table] = rows.GetValueOrDefault(table) + count;

        await using var scope = _scopes.CreateAsyncScope();
        var pass = new RetentionPass(scope.ServiceProvider, period, cutoff, Math.Max(1, options.BatchSize), options.DryRun,
            deleted: (table, count) =>
            {
                Add(table, count);
                if (count == 0)
                {
                    return;
                }
                DeletedRows.Add(count, new("policy", rule.Name), new("table", table));
                LogDeleted(rule.Name, table, count, cutoff, period.ToString());
            },
            due: (table, count) =>
            {
                Add(table, count);
                DueRows.Add(count, new("policy", rule.Name), new("table", table));
                LogDue(rule.Name, table, count, cutoff, period.ToString());
            });
        try
        {
            await rule.ApplyAsync(pass, cancellationToken);
            return new RetentionOutcome(rule.Name, period, cutoff, options.DryRun, rows, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // What was committed before the failure stays deleted (and was reported); the rest waits for the next run.
            LogFailed(ex, rule.Name);
            return new RetentionOutcome(rule.Name, period, cutoff, options.DryRun, rows, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention {Policy}: deleted {Count} rows from {Table} dated before {Cutoff} ({Period})")]
    private partial void LogDeleted(string policy, string table, long count, DateTimeOffset cutoff, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention {Policy} (dry run): {Count} rows of {Table} dated before {Cutoff} ({Period}) would be deleted; nothing was deleted")]
    private partial void LogDue(string policy, string table, long count, DateTimeOffset cutoff, string period);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention {Policy} failed; it will be retried on the next run")]
    private partial void LogFailed(Exception ex, string policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention job is disabled (Retention:Enabled = false)")]
    private partial void LogDisabled();
}
