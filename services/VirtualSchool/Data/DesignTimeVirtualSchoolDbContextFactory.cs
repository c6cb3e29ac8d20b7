using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnership.VirtualSchool.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeVirtualSchoolDbContextFactory : IDesignTimeDbContextFactory<VirtualSchoolDbContext>
{
    public VirtualSchoolDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<VirtualSchoolDbContext>().UseNpgsql("Host=localhost;Database=virtualschooldb").Options);
}
