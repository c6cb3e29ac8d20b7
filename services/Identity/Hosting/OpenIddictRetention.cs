using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Partnership.Identity.Data;
using Partnership.ServiceDefaults.Retention;

namespace Partnership.Identity.Hosting;

/// <summary>
/// Every token the server issues is recorded in the token store, so the tables grow with every client-credentials
/// call. After 14 days (docs/security.md) OpenIddict's own pruning removes tokens that are expired, revoked or
/// redeemed, or whose authorization is no longer valid, then the authorizations left invalid or ad hoc without tokens;
/// tokens and authorizations still in use are never pruned, whatever their age. A dry run counts the tokens and
/// authorizations created before the cutoff, which is what pruning would at most remove.
/// </summary>
public sealed class OpenIddictRetention : IRetentionRule
{
    public const string TokensTable = "OpenIddictTokens";
    public const string AuthorizationsTable = "OpenIddictAuthorizations";

    public string Name => "openiddict-tokens-and-authorizations";

    public RetentionPeriod Period { get; } = RetentionPeriod.Days(14);

    public async Task ApplyAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        if (pass.DryRun)
        {
            var db = pass.Services.GetRequiredService<IdentityDbContext>();
            var before = pass.Cutoff.UtcDateTime;
            pass.Due(TokensTable, await db.Set<OpenIddictEntityFrameworkCoreToken>().LongCountAsync(t => t.CreationDate < before, cancellationToken));
            pass.Due(AuthorizationsTable, await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().LongCountAsync(a => a.CreationDate < before, cancellationToken));
            return;
        }

        // Tokens first: an authorization that still has tokens attached is not pruned.
        var tokens = await pass.Services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(pass.Cutoff, cancellationToken);
        pass.Deleted(TokensTable, tokens);
        var authorizations = await pass.Services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(pass.Cutoff, cancellationToken);
        pass.Deleted(AuthorizationsTable, authorizations);
    }
}
