using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.CareRegister.Data;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// Turns a return's adoption files and episodes into AdoptionMilestoneReached events, one per milestone a child of
/// the AD1 or Placed for adoption file has reached. The scorecard measures from entry to care, which often predates
/// the year: the period of care is followed back through the episodes of earlier imported years, and a warning says
/// when even they do not reach its start (the earliest date held is then used).
/// </summary>
public static class Ssda903AdoptionMilestones
{
    private sealed record EarlierEpisode(DateOnly Start, DateOnly? End, string ReasonNewEpisode, string LegalStatus, string Placement, string? ReasonCeased);

    /// <summary>For an import whose children are staged: the adopted children and those of the adoption files are looked up.</summary>
    public static async Task<int> WriteAsync(
        CareRegisterDbContext db, Ssda903Staging staging, Ssda903ImportState state, Func<Ssda903FileKind, string> fileName, TimeProvider clock, CancellationToken ct)
    {
        var adopted = await staging.AdoptedAsync(ct);
        var children = state.Adoption.Count == 0 ? [] : await staging.ChildrenAsync(state.Adoption.Keys, ct);
        return await WriteAsync(db, adopted, children, state, fileName, clock, ct);
    }

    /// <param name="adopted">Episodes lines that ended in adoption, in Header order.</param>
    /// <param name="children">The children of the adoption files, with what their episodes decided.</param>
    public static async Task<int> WriteAsync(CareRegisterDbContext db, IReadOnlyList<(string Child, int Line)> adopted,
        Dictionary<string, Ssda903Child> children, Ssda903ImportState state, Func<Ssda903FileKind, string> fileName, TimeProvider clock, CancellationToken ct)
    {
        ReportAdoptionsWithoutAd1(adopted, state);
        if (state.Adoption.Count == 0)
        {
            return 0;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var earlier = await LoadEarlierEpisodesAsync(connection, state,
            [.. children.Values.Where(c => c.Chain is { StartsWithEntry: false }).Select(c => c.ChildKey)], ct);

        return await db.AddIntegrationEventsAsync(Milestones(state, children, earlier, fileName), clock, ct);
    }

    /// <summary>Enumerated while the outbox COPY runs, so the events of the year are never held together.</summary>
    private static IEnumerable<AdoptionMilestoneReached> Milestones(Ssda903ImportState state, Dictionary<string, Ssda903Child> children,
        Dictionary<string, List<EarlierEpisode>> earlier, Func<Ssda903FileKind, string> fileName)
    {
        foreach (var (localId, record) in state.Adoption)
        {
            var child = children[localId];
            var (file, line) = record.ReportAt;
            void Warn(string column, string rule, string message) =>
                state.Issues.Add(new Ssda903Issue(fileName(file), line, column, rule, Ssda903Severity.Warning, message));

            if (child.Chain is not { } chain)
            {
                Warn("CHILD", Ssda903Rules.NoEpisodes, "The child has no episode in this return, so no adoption milestone could be placed in a period of care.");
                continue;
            }
            if (!chain.StartsWithEntry && earlier.TryGetValue(child.ChildKey, out var history))
            {
                Extend(chain, history);
            }
            if (!chain.StartsWithEntry)
            {
                Warn("CHILD", Ssda903Rules.PeriodStartUnknown,
                    "Neither this return nor earlier imported years reach the start of the child's period of care; the earliest episode held was used as the date of entry.");
            }
            if (record.Ad1Line is not null && chain.AdoptedOn is null)
            {
                Warn("CHILD", Ssda903Rules.AdoptionEpisodeMissing, "The child has an AD1 row but no episode ending in adoption (REC E11 or E12) in this return.");
            }

            IEnumerable<AdoptionMilestoneReached> Reached(AdoptionMilestone milestone, DateOnly? on)
            {
                if (on is { } date)
                {
                    yield return new AdoptionMilestoneReached
                    {
                        EventId = Ssda903EventIds.Next(),
                        OccurredAt = state.ImportedAt,
                        SourceAgency = state.SourceAgency,
                        ChildKey = child.ChildKey,
                        Milestone = milestone,
                        On = date,
                        EnteredCareOn = chain.PeriodStart,
                    };
                }
            }
            foreach (var reached in Reached(AdoptionMilestone.BestInterestDecision, record.DecisionOn ?? record.ShouldBePlacedOn)
                .Concat(Reached(AdoptionMilestone.PlacementOrder, chain.PlacementOrderOn))
                .Concat(Reached(AdoptionMilestone.MatchApproved, record.MatchedOn))
                .Concat(Reached(AdoptionMilestone.PlacedForAdoption, chain.PlacedForAdoptionOn))
                .Concat(Reached(AdoptionMilestone.Adopted, chain.AdoptedOn))
                .Concat(Reached(AdoptionMilestone.PlanRevoked, record.RevokedOn)))
            {
                yield return reached;
            }
        }
    }

    /// <summary>A child whose care ended in adoption must be in AD1: DfE needs the adoption's details.</summary>
    private static void ReportAdoptionsWithoutAd1(IReadOnlyList<(string Child, int Line)> adopted, Ssda903ImportState state)
    {
        foreach (var (child, line) in adopted)
        {
            if (!state.Adoption.TryGetValue(child, out var record) || record.Ad1Line is null)
            {
                state.Issues.Add(new Ssda903Issue(state.EpisodesFile, line, "REC", Ssda903Rules.AdoptionNotReported, Ssda903Severity.Warning,
                    "The episode ended in adoption (REC E11 or E12) but the child has no AD1 row."));
            }
        }
    }

    private static void Extend(Ssda903CareChain chain, List<EarlierEpisode> history)
    {
        while (!chain.StartsWithEntry)
        {
            var previous = history
                .Where(e => e.End == chain.PeriodStart && e.Start < chain.PeriodStart && e.ReasonCeased == Ssda903Codes.EpisodeContinues)
                .MaxBy(e => e.Start);
            if (previous is null)
            {
                return;
            }
            chain.Include(previous.Start, previous.ReasonNewEpisode, previous.LegalStatus, previous.Placement);
        }
    }

    private static async Task<Dictionary<string, List<EarlierEpisode>>> LoadEarlierEpisodesAsync(
        NpgsqlConnection connection, Ssda903ImportState state, string[] childKeys, CancellationToken ct)
    {
        var byChild = new Dictionary<string, List<EarlierEpisode>>(StringComparer.Ordinal);
        if (childKeys.Length == 0)
        {
            return byChild;
        }
        // Through committed imports only: a failed one-pass import's episodes may outlive it, if deleting them failed too (ADR 0021).
        await using var command = new NpgsqlCommand("""
            SELECT e.child_key, e.decom, e.dec, e.rne, e.ls, e.place, e.rec FROM ssda903_episodes e
            WHERE e.collection_year < @year AND e.child_key = ANY(@keys)
              AND EXISTS (SELECT 1 FROM ssda903_imports i WHERE i."Id" = e.import_id)
            """, connection);
        command.Parameters.AddWithValue("year", state.Year.EndYear);
        command.Parameters.AddWithValue("keys", childKeys);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            if (!byChild.TryGetValue(key, out var list))
            {
                byChild[key] = list = [];
            }
            list.Add(new EarlierEpisode(
                reader.GetFieldValue<DateOnly>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return byChild;
    }
}
