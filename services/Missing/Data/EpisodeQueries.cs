using Microsoft.EntityFrameworkCore;
using Partnership.Missing.Domain;

namespace Partnership.Missing.Data;

public static class EpisodeQueries
{
    public static IQueryable<MissingEpisode> EpisodesWithDetails(this MissingDbContext db) =>
        db.Episodes.AsNoTracking().Include(e => e.Interview).Include(e => e.Referrals);

    public static Task<MissingEpisode?> LoadEpisodeAsync(this MissingDbContext db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var query = db.Episodes.Include(e => e.Interview).Include(e => e.Referrals).AsQueryable();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, ct);
    }
}
