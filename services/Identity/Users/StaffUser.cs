using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnership.Identity.Users;

/// <summary>A member of staff who signs in to the board dashboard.</summary>
public sealed class StaffUser
{
    /// <summary>The token subject: stable and meaningless, so tokens and audit trails carry no name.</summary>
    public Guid Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 format, produced by <c>PasswordHasher&lt;StaffUser&gt;</c>.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Values from <c>StaffRoles</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The agency an officer acts for (codes from <c>Agencies</c>); null for partnership-wide roles.</summary>
    public string? Agency { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> entity)
    {
        entity.ToTable("staff_users");
        entity.HasKey(u => u.Id);
        entity.Property(u => u.Id).HasColumnName("id");
        entity.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(128);
        entity.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(256);
        entity.Property(u => u.PasswordHash).HasColumnName("password_hash");
        entity.Property(u => u.Roles).HasColumnName("roles");
        entity.Property(u => u.Agency).HasColumnName("agency").HasMaxLength(64);
        entity.Property(u => u.IsActive).HasColumnName("is_active");
        entity.Property(u => u.CreatedAt).HasColumnName("created_at");
        entity.HasIndex(u => u.UserName).IsUnique();
    }
}
