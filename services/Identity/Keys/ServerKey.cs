using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnership.Identity.Keys;

/// <summary>
/// An RSA private key the server signs or encrypts tokens with. Kept in the database so that restarts and
/// additional instances publish the same JWKS; a production deployment would keep these in a key vault or HSM.
/// </summary>
public sealed class ServerKey
{
    public Guid Id { get; set; }

    /// <summary><see cref="ServerKeyPurpose.Signing"/> or <see cref="ServerKeyPurpose.Encryption"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>The "kid" published in the JWKS and stamped on tokens.</summary>
    public required string KeyId { get; set; }

    public required byte[] PrivateKeyPkcs8 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class ServerKeyPurpose
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";
}

internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> entity)
    {
        entity.ToTable("server_keys");
        entity.HasKey(k => k.Id);
        entity.Property(k => k.Id).HasColumnName("id");
        entity.Property(k => k.Purpose).HasColumnName("purpose").HasMaxLength(32);
        entity.Property(k => k.KeyId).HasColumnName("kid").HasMaxLength(64);
        entity.Property(k => k.PrivateKeyPkcs8).HasColumnName("private_key_pkcs8");
        entity.Property(k => k.CreatedAt).HasColumnName("created_at");
        entity.HasIndex(k => k.KeyId).IsUnique();
        entity.HasIndex(k => new { k.Purpose, k.CreatedAt });
    }
}
