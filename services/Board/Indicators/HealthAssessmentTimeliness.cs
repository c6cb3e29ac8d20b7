using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;

namespace Partnership.Board.Indicators;

/// <summary>
/// Health assessments (initial and review) completed in the period, and the share of them completed on or before
/// the date they fell due. Feeds strategic priority 5 (action 5.1, timely health checks).
/// </summary>
public sealed class HealthAssessmentTimeliness(BoardDbContext db)
{
    public const string Id = "HA-TIMELY";

    public async Task<IndicatorResult> ComputeAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var inPeriod = db.HealthAssessments.AsNoTracking().Where(f => f.CompletedOn >= period.From && f.CompletedOn <= period.To);
        var totals = await inPeriod
            .GroupBy(_ => 1)
            .Select(g => new { Completed = g.Count(), OnTime = g.Count(f => f.WithinTimescale), AsAt = g.Max(f => f.ReceivedAt) })
            .FirstOrDefaultAsync(cancellationToken);

        var completed = totals?.Completed ?? 0;
        var onTime = totals?.OnTime ?? 0;
        var (numerator, denominator) = SmallNumberSuppression.Proportion(onTime, completed);
        decimal? percentage = numerator.Suppressed || completed == 0 ? null : Math.Round(100m * onTime / completed, 1);

        return new IndicatorResult(
            Id, "5.1", "Health assessments completed within timescale", "%", Polarity.HigherIsBetter,
            new PeriodDto(period.Label, period.From, period.To), numerator, denominator, percentage, totals?.AsAt);
    }
}
