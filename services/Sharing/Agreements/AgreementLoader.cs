using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Sharing.Data;
using Partnership.Sharing.Domain;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Sharing.Agreements;

/// <summary>
/// Brings the agreements table in line with the agreements data file at start-up. A line that has left the file is
/// kept (audit entries refer to it) but closed, so no later decision can rest on it.
/// </summary>
public sealed partial class AgreementLoader(
    SharingDbContext db, AgreementCatalog catalog, IConfiguration configuration, TimeProvider clock, ILogger<AgreementLoader> logger)
{
    private sealed record AgreementFile(List<SharingAgreement> Agreements);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = configuration["Sharing:AgreementsFile"] ?? Path.Combine(AppContext.BaseDirectory, "Agreements", "agreements.json");
        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<AgreementFile>(stream, ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{path} holds no agreements.");

        var existing = await db.Agreements.ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var line in file.Agreements)
        {
            if (existing.Remove(line.Id, out var stored))
            {
                db.Entry(stored).CurrentValues.SetValues(line);
            }
            else
            {
                db.Agreements.Add(line);
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var retired in existing.Values.Where(a => a.EffectiveTo is null || a.EffectiveTo > today))
        {
            retired.EffectiveTo = today.AddDays(-1);
        }
        await db.SaveChangesAsync(cancellationToken);
        catalog.Replace(await db.Agreements.AsNoTracking().ToListAsync(cancellationToken));
        LogLoaded(file.Agreements.Count, existing.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sharing agreement lines; {Retired} retired")]
    private partial void LogLoaded(int count, int retired);
}
