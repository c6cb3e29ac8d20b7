using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Partnership.ServiceDefaults.Retention;

/// <summary>
/// Enforces one <see cref="RetentionPolicy"/> on a service's own database: repeated short transactions, each deleting
/// at most a batch of the rows that are past their period, until a batch comes back short.
/// </summary>
public sealed class TableRetentionRule<TDbContext>(RetentionPolicy policy) : IRetentionRule where TDbContext : DbContext
{
    public RetentionPolicy Policy { get; } = policy;

    public string Name => Policy.Name;

    public RetentionPeriod Period => Policy.Period;

    public async Task ApplyAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var db = pass.Services.GetRequiredService<TDbContext>();
        var cutoff = Policy.Age.CutoffValue(pass.Cutoff);
        if (pass.DryRun)
        {
            var due = await db.Database.SqlQueryRaw<long>(RetentionSql.Count(Policy), Cutoff(cutoff)).SingleAsync(cancellationToken);
            pass.Due(Policy.Table, due);
            return;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int deleted;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                deleted = await db.Database.ExecuteSqlRawAsync(RetentionSql.DeleteBatch(Policy),
                    [Cutoff(cutoff), new NpgsqlParameter(RetentionSql.BatchParameter, pass.BatchSize)], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            if (deleted > 0)
            {
                pass.Deleted(Policy.Table, deleted);
            }
            if (deleted < pass.BatchSize)
            {
                return;
            }
        }
    }

    private static NpgsqlParameter Cutoff(object value) => new(RetentionSql.CutoffParameter, value);
}
