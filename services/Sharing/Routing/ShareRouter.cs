using System.Text.Json;
using Microsoft.Extensions.Options;
using Partnership.Contracts;
using Partnership.Sharing.Audit;
using Partnership.Sharing.Data;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Privacy;

namespace Partnership.Sharing.Routing;

public sealed class SharingOptions
{
    public const string BoardPseudonymKeyConfigurationKey = "Sharing:BoardPseudonymKey";

    /// <summary>DEVELOPMENT-ONLY: public, so used only where DevelopmentSecrets allows it.</summary>
    public const string DevelopmentBoardPseudonymKey = "development-only-sharing-board-key";

    /// <summary>Secret of the board feed's pseudonyms, from a secret store outside development.</summary>
    public string BoardPseudonymKey { get; set; } = "";
}

/// <summary>
/// Puts an agency event through a decision for every possible recipient. Every decision is audited; only a permitted
/// recipient gets an inbox item. Runs inside the consumer's transaction, so the inbox row, the decisions and their
/// audit entries commit together or not at all.
/// </summary>
public sealed partial class ShareRouter(
    SharingDbContext db, DecisionService decisions, AuditLog audit, IOptions<SharingOptions> options, TimeProvider clock,
    ILogger<ShareRouter> logger)
{
    public const string Caller = "sharing-router";

    public async Task RouteAsync(IntegrationEvent evt, IEnumerable<ShareTarget> targets, CancellationToken cancellationToken)
    {
        // The audit chain's lock is taken once, after all decisions are made, for all their entries (and, in a batch of
        // events, once for the whole batch: ADR 0025). A child's age the consumer staged reaches the decisions through
        // the scope's ChildAgeRecorder, so nothing needs saving first.
        var entries = new List<AuditEntry>();
        var outcomes = new List<(string Recipient, DataCategory Category, Outcome Outcome, Guid DecisionId)>();
        foreach (var target in targets.Where(t => t.Recipient != evt.SourceAgency))
        {
            var request = new DecisionRequest(evt.SourceAgency, target.Recipient, evt.ChildKey, target.Category, target.Purpose);
            var result = target.Precondition ?? await decisions.EvaluateAsync(request, cancellationToken);
            var entry = DecisionService.AuditEntryFor(request, result, Caller, null);
            entry.Id = Guid.CreateVersion7();
            entries.Add(entry);
            outcomes.Add((target.Recipient, target.Category, result.Outcome, entry.Id));
            if (!result.Permitted)
            {
                continue;
            }

            var toBoard = target.Recipient == Agencies.Board;
            db.Inbox.Add(new InboxItem
            {
                Id = Guid.CreateVersion7(),
                RecipientAgency = target.Recipient,
                SourceAgency = evt.SourceAgency,
                ChildKey = toBoard ? null : evt.ChildKey,
                ChildPseudonym = toBoard ? KeyedPseudonym.Compute(options.Value.BoardPseudonymKey, evt.ChildKey) : null,
                Category = target.Category,
                Purpose = target.Purpose,
                LawfulBasis = result.Basis!.Value,
                DecisionId = entry.Id,
                Reason = result.Reason,
                EventType = evt.GetType().Name,
                SourceEventId = evt.EventId,
                Facts = JsonSerializer.Serialize(target.Facts, target.Facts.GetType(), ContractJson.Options),
                SharedAt = clock.GetUtcNow(),
            });
        }

        await audit.AppendAllAsync(entries, cancellationToken);
        foreach (var (recipient, category, outcome, decisionId) in outcomes)
        {
            LogDecision(evt.EventId, recipient, category, outcome, decisionId);
        }
    }

    // Debug: every decision is already in the audit log; a line per decision at Information is per-event cost for nothing new.
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Event {EventId}: {Category} to {Recipient} {Outcome} (decision {DecisionId})")]
    private partial void LogDecision(Guid eventId, string recipient, DataCategory category, Outcome outcome, Guid decisionId);
}
