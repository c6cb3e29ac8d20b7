using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Partnership.Identity.Keys;

/// <summary>
/// Hands the database-held keys to OpenIddict. Runs before OpenIddict's own post-configuration, which validates
/// that a signing key is present and derives the JWKS from these credentials.
/// </summary>
internal sealed class ServerKeyOptionsSetup(ServerKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            keys.EncryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
