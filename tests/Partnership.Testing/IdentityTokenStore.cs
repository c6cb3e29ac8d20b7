using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Partnership.Contracts;
using Partnership.Identity.Data;
using Partnership.Identity.Users;
using Partnership.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.Testing;

/// <summary>What the real identity service's token store holds about a staff user's sign-ins, read through OpenIddict's managers.</summary>
public static class IdentityTokenStore
{
    public sealed record StoredRefreshToken(string Status, DateTimeOffset? Expires);

    /// <summary>
    /// A board member of the test's own, so that "the user's latest sign-in" cannot be another test's running alongside.
    /// Returns the token subject (the opaque user id).
    /// </summary>
    public static async Task<string> AddBoardMemberAsync(IServiceProvider identityServices, string userName, string password)
    {
        await using var scope = identityServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = $"{userName} (test)",
            Roles = [StaffRoles.BoardMember],
            Agency = Agencies.Board,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>().HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id.ToString();
    }

    /// <summary>
    /// The refresh tokens of the user's latest sign-in, oldest first. Each sign-in is an ad-hoc authorization, and every
    /// token rolled from it stays attached to that authorization.
    /// </summary>
    public static async Task<IReadOnlyList<StoredRefreshToken>> LatestRefreshChainAsync(IServiceProvider identityServices, string subject)
    {
        await using var scope = identityServices.CreateAsyncScope();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();

        string? latest = null;
        var latestCreated = DateTimeOffset.MinValue;
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject))
        {
            if (await authorizations.GetCreationDateAsync(authorization) is { } created && created >= latestCreated)
            {
                (latest, latestCreated) = (await authorizations.GetIdAsync(authorization), created);
            }
        }
        if (latest is null)
        {
            return [];
        }

        var chain = new List<(DateTimeOffset Created, StoredRefreshToken Token)>();
        await foreach (var token in tokens.FindByAuthorizationIdAsync(latest))
        {
            if (await tokens.GetTypeAsync(token) == TokenTypeIdentifiers.RefreshToken)
            {
                chain.Add((await tokens.GetCreationDateAsync(token) ?? default,
                    new StoredRefreshToken((await tokens.GetStatusAsync(token))!, await tokens.GetExpirationDateAsync(token))));
            }
        }
        return [.. chain.OrderBy(t => t.Created).Select(t => t.Token)];
    }

    /// <summary>What an administrator does to end all of a user's sessions: revoke every token issued to them.</summary>
    public static async Task<long> RevokeAllTokensOfAsync(IServiceProvider identityServices, string subject)
    {
        await using var scope = identityServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().RevokeBySubjectAsync(subject);
    }
}
