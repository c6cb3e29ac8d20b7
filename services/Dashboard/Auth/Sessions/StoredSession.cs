namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// The tokens of one signed-in dashboard session, kept on the server only: the browser's cookie carries the session id,
/// never a token. <see cref="EndedBecause"/> is set once the identity service has refused the refresh token, so every
/// later request and circuit of the session shows "signed out" instead of trying again.
/// </summary>
public sealed record StoredSession(string AccessToken, string? RefreshToken, DateTimeOffset AccessTokenExpiresAt, string? EndedBecause = null)
{
    public bool HasEnded => EndedBecause is not null;

    public bool AccessTokenUsableAt(DateTimeOffset now, TimeSpan margin) => AccessTokenExpiresAt - margin > now;
}
