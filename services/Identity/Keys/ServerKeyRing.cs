using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Partnership.Identity.Data;

namespace Partnership.Identity.Keys;

/// <summary>
/// Holds the signing and encryption keys loaded from the database at startup. OpenIddict reads them through
/// <see cref="ServerKeyOptionsSetup"/>, which runs on the first request, after <see cref="LoadOrCreateAsync"/>.
/// </summary>
public sealed class ServerKeyRing(ILogger<ServerKeyRing> logger, TimeProvider timeProvider)
{
    private RsaSecurityKey? _signingKey;
    private RsaSecurityKey? _encryptionKey;

    public RsaSecurityKey SigningKey => _signingKey ?? throw NotLoaded();

    public RsaSecurityKey EncryptionKey => _encryptionKey ?? throw NotLoaded();

    /// <summary>
    /// Loads the newest key per purpose, generating one on first start. The caller holds the initialisation lock,
    /// so two instances starting together cannot both generate a key.
    /// </summary>
    public async Task LoadOrCreateAsync(IdentityDbContext db, CancellationToken cancellationToken)
    {
        _signingKey = await LoadOrCreateAsync(db, ServerKeyPurpose.Signing, cancellationToken);
        _encryptionKey = await LoadOrCreateAsync(db, ServerKeyPurpose.Encryption, cancellationToken);
    }

    private async Task<RsaSecurityKey> LoadOrCreateAsync(IdentityDbContext db, string purpose, CancellationToken cancellationToken)
    {
        var stored = await db.ServerKeys.AsNoTracking()
            .Where(k => k.Purpose == purpose)
            .OrderByDescending(k => k.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        if (stored is null)
        {
            using var generated = RSA.Create(2048);
            stored = new ServerKey
            {
                Id = Guid.CreateVersion7(),
                Purpose = purpose,
                KeyId = KeyIdFor(generated),
                PrivateKeyPkcs8 = generated.ExportPkcs8PrivateKey(),
                CreatedAt = timeProvider.GetUtcNow(),
            };
            db.ServerKeys.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            IdentityLog.ServerKeyGenerated(logger, purpose, stored.KeyId);
        }
        else
        {
            IdentityLog.ServerKeyLoaded(logger, purpose, stored.KeyId);
        }

        // The RSA instance lives as long as the process: OpenIddict keeps using it for every token.
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(stored.PrivateKeyPkcs8, out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.KeyId };
    }

    /// <summary>A stable kid derived from the public key, so it identifies the key rather than the row.</summary>
    private static string KeyIdFor(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..32];

    private static InvalidOperationException NotLoaded() =>
        new("Server keys are not loaded; InitializeIdentityAsync must run before the server handles requests.");
}
