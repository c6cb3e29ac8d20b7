using Microsoft.EntityFrameworkCore;

namespace Partnership.ServiceDefaults.Http;

public static class PagingQueryExtensions
{
    /// <summary>
    /// Counts and pages an already ordered query within <see cref="Paging"/>'s bounds. The caller orders the query
    /// (with a unique tie-breaker) because paging over an unordered set returns rows twice or never.
    /// </summary>
    public static async Task<PagedResult<TOut>> ToPagedResultAsync<T, TOut>(
        this IOrderedQueryable<T> query, int? page, int? pageSize, Func<T, TOut> map, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Normalise(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<TOut>(items.Select(map).ToList(), number, size, total);
    }
}
