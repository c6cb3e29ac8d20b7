using Microsoft.EntityFrameworkCore;
using Partnership.Missing.Domain;

namespace Partnership.Missing.Data;

public static class EpisodeQueries
{
    public static IQueryable<MissingEpisode> EpisodesWithDetails(this MissingDbContext db) =>
        db.Episodes.AsNoTracking().Include(e => e.Interview).Include(e => e.Referrals);

    /// <summary>A child has at most one open episode; a second report must end the first.</summary>
    public static Task<bool> HasOpenEpisodeAsync(this MissingDbContext db, string childKey, CancellationToken ct) =>
        db.Episodes.AnyAsync(e => e.ChildKey == childKey && e.EndedAt == null, ct);

    public static Task<MissingEpisode?> LoadEpisodeAsync(this MissingDbContext db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var query = db.Episodes.Include(e => e.Interview).Include(e => e.Referrals).AsQueryable();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, ct);
    }
}
