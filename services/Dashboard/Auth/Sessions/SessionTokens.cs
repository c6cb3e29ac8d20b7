namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// The one place that hands out a session's access token: for page requests, for exports and inside long-lived
/// interactive circuits alike. A token close to expiry is replaced through the refresh token first, so nothing ever
/// sends an expired token; a refused refresh ends the session for every request and circuit that shares it.
/// </summary>
public sealed partial class SessionTokens(
    SessionStore store, IdentityTokenClient identity, SessionSettings settings, TimeProvider clock, ILogger<SessionTokens> logger)
{
    // Two requests of one session (a page and its circuit, two tabs) must not both redeem the same rolling refresh
    // token: the second would be a replay once the identity service's reuse leeway has passed. One lock per stripe of
    // session ids keeps that to a fixed number of semaphores however many sessions come and go.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public abstract record Result;

    public sealed record Token(string AccessToken) : Result;

    /// <summary>The identity service refused the refresh token: the user has to sign in again.</summary>
    public sealed record SignedOut(string Reason) : Result;

    /// <summary>Nothing stored for this session (the store was emptied, or the cookie is older than it).</summary>
    public sealed record NoSession : Result;

    /// <summary>The token needs replacing and the identity service cannot be asked just now.</summary>
    public sealed record Unavailable : Result;

    public async Task StartAsync(string sessionId, string accessToken, string? refreshToken, DateTimeOffset expiresAt, CancellationToken ct) =>
        await store.SaveAsync(sessionId, new StoredSession(accessToken, refreshToken, expiresAt), ct);

    public async Task<Result> AccessTokenAsync(string? sessionId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sessionId) || await store.FindAsync(sessionId, ct) is not { } session)
        {
            return new NoSession();
        }
        if (Usable(session) is { } ready)
        {
            return ready;
        }

        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % Stripes.Length)];
        await stripe.WaitAsync(ct);
        try
        {
            // Whoever held the lock before may have refreshed (or ended) the session already.
            session = await store.FindAsync(sessionId, ct);
            if (session is null)
            {
                return new NoSession();
            }
            if (Usable(session) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }
            if (session.RefreshToken is null)
            {
                return await EndAsync(sessionId, session, "no refresh token", ct);
            }

            switch (await identity.RefreshAsync(session.RefreshToken, ct))
            {
                case IdentityTokenClient.Refreshed refreshed:
                    // OpenIddict rolls the refresh token; keep the old one only if, unusually, no new one came back.
                    await store.SaveAsync(sessionId, new StoredSession(
                        refreshed.AccessToken, refreshed.RefreshToken ?? session.RefreshToken, refreshed.ExpiresAt), ct);
                    LogRefreshed(logger, refreshed.ExpiresAt);
                    return new Token(refreshed.AccessToken);
                case IdentityTokenClient.Refused refused:
                    return await EndAsync(sessionId, session, refused.Error, ct);
                default:
                    // Still valid for a moment: better than failing while the identity service is briefly away.
                    return session.AccessTokenExpiresAt > clock.GetUtcNow() ? new Token(session.AccessToken) : new Unavailable();
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Sign-out: the identity service forgets the refresh token, and the dashboard the session.</summary>
    public async Task SignOutAsync(string? sessionId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sessionId) || await store.FindAsync(sessionId, ct) is not { } session)
        {
            return;
        }
        await store.RemoveAsync(sessionId, ct);
        if (session.RefreshToken is not null && !session.HasEnded)
        {
            await identity.RevokeAsync(session.RefreshToken, ct);
        }
    }

    private Result? Usable(StoredSession session)
    {
        if (session.HasEnded)
        {
            return new SignedOut(session.EndedBecause!);
        }
        return session.AccessTokenUsableAt(clock.GetUtcNow(), settings.RefreshBeforeExpiry) ? new Token(session.AccessToken) : null;
    }

    private async Task<Result> EndAsync(string sessionId, StoredSession session, string reason, CancellationToken ct)
    {
        // Kept (without tokens) rather than removed, so that the other requests and circuits of this session learn that
        // it ended instead of finding nothing and starting a silent sign-in.
        await store.SaveAsync(sessionId, new StoredSession("", null, session.AccessTokenExpiresAt, reason), ct);
        LogEnded(logger, reason);
        return new SignedOut(reason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refreshed a session's access token, now valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended a dashboard session: {Reason}")]
    private static partial void LogEnded(ILogger logger, string reason);
}
