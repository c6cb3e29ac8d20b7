using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// Sessions by id in an <see cref="IDistributedCache"/>: in memory on a single instance (the default), shared (Redis,
/// SQL) when the dashboard runs on several. Entries are encrypted with data protection, so a shared cache never holds a
/// usable refresh token, and slide with use for as long as the session cookie does.
/// </summary>
public sealed class SessionStore(IDistributedCache cache, IDataProtectionProvider dataProtection, SessionSettings settings)
{
    private const string KeyPrefix = "partnership.dashboard.session:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Partnership.Dashboard.Sessions.v1");

    public async Task<StoredSession?> FindAsync(string sessionId, CancellationToken ct)
    {
        var protectedBytes = await cache.GetAsync(KeyPrefix + sessionId, ct);
        if (protectedBytes is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoredSession>(_protector.Unprotect(protectedBytes));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            // Written under a data protection key this instance no longer has: as good as no session.
            return null;
        }
    }

    public Task SaveAsync(string sessionId, StoredSession session, CancellationToken ct) =>
        cache.SetAsync(
            KeyPrefix + sessionId,
            _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(session)),
            new DistributedCacheEntryOptions { SlidingExpiration = settings.SessionLifetime },
            ct);

    public Task RemoveAsync(string sessionId, CancellationToken ct) => cache.RemoveAsync(KeyPrefix + sessionId, ct);
}
