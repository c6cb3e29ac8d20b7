using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.YouthJustice.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeYouthJusticeDbContextFactory : IDesignTimeDbContextFactory<YouthJusticeDbContext>
{
    public YouthJusticeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<YouthJusticeDbContext>().UseNpgsql("Host=localhost;Database=youthjusticedb").Options);
}
