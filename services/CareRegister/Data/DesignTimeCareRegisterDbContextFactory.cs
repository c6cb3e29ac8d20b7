using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.CareRegister.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeCareRegisterDbContextFactory : IDesignTimeDbContextFactory<CareRegisterDbContext>
{
    public CareRegisterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql("Host=localhost;Database=careregisterdb").Options);
}
