using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.Missing.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeMissingDbContextFactory : IDesignTimeDbContextFactory<MissingDbContext>
{
    public MissingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MissingDbContext>().UseNpgsql("Host=localhost;Database=missingdb").Options);
}
