using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;

namespace Partnership.Sharing.Audit;

/// <summary>
/// `dotnet run --project services/Sharing -- verify-audit`: checks the chain in the database named by
/// ConnectionStrings:sharingdb (configuration, environment or --ConnectionStrings:sharingdb=...) and exits 0 when
/// intact, 1 when tampered with, 2 when it cannot run.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != Name).ToArray());
        var connectionString = builder.Configuration.GetConnectionString("sharingdb");
        if (string.IsNullOrEmpty(connectionString))
        {
            await Console.Error.WriteLineAsync("ConnectionStrings:sharingdb is not configured.");
            return 2;
        }
        var result = await VerifyAsync(connectionString, CancellationToken.None);
        Console.WriteLine(result.Valid
            ? $"Audit log intact: {result.EntriesChecked} entries in {result.Chains} chains, {result.CheckpointsChecked} checkpoints, head {result.HeadHash}"
            : $"Audit log TAMPERED: {result.Problem} ({result.EntriesChecked} entries verified before it)");
        return result.Valid ? 0 : 1;
    }

    public static async Task<AuditVerification> VerifyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = new SharingDbContext(new DbContextOptionsBuilder<SharingDbContext>().UseNpgsql(connectionString).Options);
        return await new AuditVerifier(db).VerifyAsync(cancellationToken);
    }
}
