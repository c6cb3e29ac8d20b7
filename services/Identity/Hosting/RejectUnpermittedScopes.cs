using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Partnership.Identity.Hosting;

/// <summary>
/// Answers a client-credentials request for a scope the client holds no permission for with "invalid_scope"
/// (RFC 6749 §5.2: the scope "exceeds the scope granted"). OpenIddict's own check, which runs just after this one,
/// would answer the generic "invalid_request", and agency systems need to tell the two apart.
/// </summary>
public sealed class RejectUnpermittedScopes(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<RejectUnpermittedScopes>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType() || string.IsNullOrEmpty(context.ClientId))
        {
            return;
        }
        if (await applications.FindByClientIdAsync(context.ClientId) is not { } application)
        {
            return;
        }

        foreach (var scope in context.Request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope))
            {
                context.Reject(Errors.InvalidScope, $"This client is not allowed to request the scope '{scope}'.");
                return;
            }
        }
    }
}
