using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.LeavingCare.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeLeavingCareDbContextFactory : IDesignTimeDbContextFactory<LeavingCareDbContext>
{
    public LeavingCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LeavingCareDbContext>().UseNpgsql("Host=localhost;Database=leavingcaredb").Options);
}
