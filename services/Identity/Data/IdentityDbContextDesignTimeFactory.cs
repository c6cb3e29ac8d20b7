using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.Identity.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service or reaching a database.</summary>
public sealed class IdentityDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=localhost;Database=identity_design_time")
            .Options;
        return new IdentityDbContext(options);
    }
}
