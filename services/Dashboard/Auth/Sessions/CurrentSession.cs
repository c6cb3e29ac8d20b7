using Microsoft.AspNetCore.Components.Authorization;

namespace Partnership.Dashboard.Auth.Sessions;

/// <summary>
/// The session of the page being rendered, for components: on the prerendering request and, later, inside the
/// interactive circuit, where the user is the one the circuit was opened with and no request's cookie can be read.
/// Once any call finds the session ended, the layout swaps the page for the "signed out" notice.
/// </summary>
public sealed class CurrentSession(AuthenticationStateProvider authentication, SessionTokens tokens)
{
    public bool HasEnded { get; private set; }

    public event Action? Ended;

    public async Task<SessionTokens.Result> AccessTokenAsync(CancellationToken ct)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await tokens.AccessTokenAsync(SessionStart.SessionId(state.User), ct);
        if (result is SessionTokens.SignedOut or SessionTokens.NoSession && !HasEnded)
        {
            HasEnded = true;
            Ended?.Invoke();
        }
        return result;
    }
}
