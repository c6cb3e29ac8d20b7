using Microsoft.EntityFrameworkCore;
using Partnership.Identity.Keys;
using Partnership.Identity.Users;

namespace Partnership.Identity.Data;

/// <summary>
/// The identity service's own database: OpenIddict's applications, scopes, authorizations and tokens,
/// plus the server's key material and the staff user accounts.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Registered on the model rather than the options because AddPartnershipDbContext owns the options.
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}
